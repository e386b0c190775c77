/** A service's name in the page's language, else any it has. */
export function nameOf(names: { en?: string; es?: string }, locale: 'en' | 'es'): string {
  return names[locale] ?? names.en ?? names.es ?? '';
}
