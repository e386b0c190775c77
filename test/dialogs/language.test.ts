import { detectLocale } from '../../dialogs/engine/local/language';

/** Which of a business's languages a message is in. */

const both = { locales: ['en', 'es'] as ('en' | 'es')[], defaultLocale: 'en' as const };

describe('language detection', () => {
  it.each([
    ['hola, quiero una hora para mañana', 'es'],
    ['¿tienen hora?', 'es'],
    ['necesito cambio de aceite por favor', 'es'],
    ['gracias', 'es'],
    ['mañana', 'es'],
    ['can I book an oil change tomorrow', 'en'],
    ['hi there', 'en'],
    ['what time do you open', 'en'],
  ])('%s → %s', (text, locale) => {
    expect(detectLocale(text, both)).toBe(locale);
  });

  it('keeps the customer language for messages that do not tell', () => {
    for (const text of ['2', 'ok', 'K7WM', 'C', 'y', 'no', '👍', 'Edgar']) {
      expect(detectLocale(text, { ...both, customerLocale: 'es' })).toBe('es');
      expect(detectLocale(text, { ...both, customerLocale: 'en' })).toBe('en');
    }
  });

  it('falls back to the business default for a new customer', () => {
    expect(detectLocale('2', { locales: ['es', 'en'], defaultLocale: 'es', customerLocale: null })).toBe('es');
  });

  it('needs a clear signal to switch a known customer', () => {
    expect(detectLocale('brakes?', { ...both, customerLocale: 'es' })).toBe('es');
    expect(detectLocale('can you come tomorrow at 3', { ...both, customerLocale: 'es' })).toBe('en');
  });

  it('only answers in a language the business serves', () => {
    expect(detectLocale('hola, quiero una hora', { locales: ['en'], defaultLocale: 'en' })).toBe('en');
  });
});
