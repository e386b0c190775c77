import { LOCALES } from '../../core/locale';
import { INTENTS } from '../../dialogs/definition/intents';
import { ANSWER_VALUES, SLOT_NAMES, SLOTS } from '../../dialogs/definition/slots';
import { understandLocally } from '../../dialogs/engine/local';
import { demoContext } from './demo-context';

/** The one definition the local engine and the Lex bot share: complete, Lex-safe, understood. */

describe('intent definition', () => {
  it('has realistic samples for every intent in every language', () => {
    for (const intent of INTENTS) {
      for (const locale of LOCALES)
        expect({ intent: intent.name, locale, enough: intent.utterances[locale].length >= 8 }).toEqual({
          intent: intent.name,
          locale,
          enough: true,
        });
    }
  });

  it('uses only slots the intent declares', () => {
    for (const intent of INTENTS) {
      for (const text of LOCALES.flatMap((l) => intent.utterances[l])) {
        for (const [, slot] of text.matchAll(/\{(\w+)\}/g))
          expect({ text, slot, declared: (intent.slots as readonly string[]).includes(slot) }).toEqual({
            text,
            slot,
            declared: true,
          });
      }
    }
    for (const intent of INTENTS) for (const slot of intent.slots) expect(SLOT_NAMES).toContain(slot);
    for (const name of SLOT_NAMES) expect(SLOTS[name].name).toBe(name);
  });

  it('writes samples Lex accepts: letters, digits, spaces, apostrophes, periods and {slots}, unique per locale', () => {
    for (const locale of LOCALES) {
      const seen = new Map<string, string>();
      for (const intent of INTENTS.filter((i) => !i.lexBuiltIn)) {
        for (const text of intent.utterances[locale]) {
          expect(text).toMatch(/^[\p{L}\p{N} '.{}]+$/u);
          expect(text).toBe(text.trim());
          const key = text.toLowerCase();
          expect({ text, also: seen.get(key) }).toEqual({ text, also: undefined });
          seen.set(key, intent.name);
        }
      }
    }
  });

  it('gives the Answer slot type words in both languages', () => {
    for (const value of ANSWER_VALUES)
      for (const locale of LOCALES) expect(value.synonyms[locale].length).toBeGreaterThan(5);
  });
});

describe('the local engine understands the definition', () => {
  const samples: Record<(typeof LOCALES)[number], Record<string, string>> = {
    en: {
      service: 'oil change',
      date: 'tomorrow',
      time: '3pm',
      staff: 'Edgar',
      reference: 'K7WM',
      answer: 'yes',
      choice: '2',
    },
    es: {
      service: 'control',
      date: 'el martes',
      time: '10',
      staff: 'la doctora',
      reference: 'K7WM',
      answer: 'sí',
      choice: '2',
    },
  };
  const cases = INTENTS.flatMap((intent) =>
    LOCALES.flatMap((locale) => intent.utterances[locale].map((text) => [intent.name, locale, text] as const)),
  );

  it.each(cases)('%s (%s): %s', async (intent, locale, template) => {
    const text = template.replace(/\{(\w+)\}/g, (_, slot: string) => samples[locale][slot]);
    const context = await demoContext(
      locale === 'en' ? 'edgar' : 'clinica-santiago',
      new Date('2026-11-23T10:00:00-08:00'),
    );
    const u = understandLocally(text, context);
    expect(u.intent).toBe(intent);
    expect(u.locale).toBe(locale);
  });
});
