import { plainText } from '../../bot/twilio/plain-text';
import { twimlReply } from '../../bot/twilio/twiml';

/** Every UTF-16 code unit, lone surrogates included, in order. */
const EVERY_CODE_UNIT = String.fromCharCode(...Array.from({ length: 0x10000 }, (_, i) => i));
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its purpose
const NOT_PLAIN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>';

describe('plainText', () => {
  it('drops control characters but keeps tabs, line breaks and every printable character', () => {
    expect(plainText('a\u0000b\u0007c\u001b[0m\u007f\u0085d\uFFFE\uFFFF')).toBe('abc[0md');
    expect(plainText('línea 1\r\nlínea 2\tñ 😀 \u2028')).toBe('línea 1\r\nlínea 2\tñ 😀 \u2028');
  });

  it('turns lone surrogates into U+FFFD and keeps pairs', () => {
    expect(plainText('\uD83D\uDE00 \uD83D x\uDE00 \uDBFF')).toBe('😀 \uFFFD x\uFFFD \uFFFD');
    const plain = plainText(EVERY_CODE_UNIT);
    expect(Buffer.from(plain, 'utf8').toString('utf8') === plain).toBe(true);
    expect(NOT_PLAIN.test(plain)).toBe(false);
  });
});

describe('twimlReply', () => {
  it('builds a reply from any text at all, one code unit at a time and all together', () => {
    for (let unit = 0; unit < 0x10000; unit += 1) twimlReply(`a${String.fromCharCode(unit)}b`);
    const all = twimlReply(EVERY_CODE_UNIT);
    // Tab, line feed and carriage return are the only controls left; the markup is escaped.
    const start = `${XML_HEAD}<Response><Message>\t\n&#xD; !"#$%&amp;'()*+,-./0123456789:;&lt;`;
    expect(all.slice(0, start.length)).toBe(start);
    expect(all.slice(-23)).toBe('\uFFFC\uFFFD</Message></Response>');
  });

  it('escapes markup and answers nothing with an empty response', () => {
    expect(twimlReply('Tom & <Jerry>')).toBe(
      `${XML_HEAD}<Response><Message>Tom &amp; &lt;Jerry&gt;</Message></Response>`,
    );
    expect(twimlReply(null)).toBe(`${XML_HEAD}<Response/>`);
    expect(twimlReply('\u0007')).toBe(`${XML_HEAD}<Response/>`);
  });
});
