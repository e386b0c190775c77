/**
 * Text a person could have meant, and that every place it goes can hold: Postgres text (no NUL),
 * XML 1.0 in the TwiML reply (no C0 control but tab and line breaks, no U+FFFE/U+FFFF, no lone
 * surrogate), and a phone's screen (no DEL, no C1 control, none of them printable). A lone
 * surrogate becomes U+FFFD, as a UTF-8 encoder would make it; the controls are dropped.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its purpose
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function plainText(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROLS, '');
}
