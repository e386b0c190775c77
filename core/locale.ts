/** The languages Textbook speaks; dialogs/ has a text for every message in each. */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
