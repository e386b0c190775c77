import type { Locale } from '../../../core/locale';
import type { NluService, NluStaff } from '../types';
import { bestPhraseMatch, type Phrase, type PhraseMatch, phraseOf } from './phrase-match';

/**
 * Which service and which staff member a message names. Names count in every language;
 * synonyms first in the message's language (English "son" is Spanish "they are"), then, exactly
 * only, in the others.
 */

/** Words that name any booking; they pick the catalog's service only when nothing else does. */
const GENERIC_WORDS = new Set([
  'appointment',
  'appt',
  'booking',
  'visit',
  'hora',
  'cita',
  'turno',
  'reserva',
  'atencion',
]);

interface ServicePhrases {
  primary: Map<Locale, Phrase<string>[]>;
  secondary: Map<Locale, Phrase<string>[]>;
}

// Catalogs live as long as the context built from them; phrases are folded once per catalog.
const serviceCache = new WeakMap<NluService[], ServicePhrases>();
const staffCache = new WeakMap<NluStaff[], Phrase<string>[]>();

function present<T>(items: (T | null)[]): T[] {
  return items.filter((item): item is T => item !== null);
}

function servicePhrase(key: string, text: string): Phrase<string> | null {
  const phrase = phraseOf(key, text);
  return phrase && { ...phrase, generic: GENERIC_WORDS.has(phrase.words.join(' ')) };
}

function servicePhrases(services: NluService[], locales: readonly Locale[]): ServicePhrases {
  const cached = serviceCache.get(services);
  if (cached) return cached;
  const primary = new Map<Locale, Phrase<string>[]>();
  const secondary = new Map<Locale, Phrase<string>[]>();
  for (const locale of locales) {
    const names = services.flatMap((s) => Object.values(s.names).map((name) => servicePhrase(s.key, name ?? '')));
    const own = services.flatMap((s) => (s.synonyms[locale] ?? []).map((text) => servicePhrase(s.key, text)));
    const others = services.flatMap((s) =>
      Object.entries(s.synonyms)
        .filter(([l]) => l !== locale)
        .flatMap(([, list]) => (list ?? []).map((text) => servicePhrase(s.key, text))),
    );
    primary.set(locale, present([...names, ...own]));
    // Short words of another language are too often words of this one ("son", "kids").
    secondary.set(
      locale,
      present(others).filter((p) => p.size >= 5),
    );
  }
  const built = { primary, secondary };
  serviceCache.set(services, built);
  return built;
}

export function matchService(
  folded: string,
  services: NluService[],
  locale: Locale,
  locales: readonly Locale[],
): PhraseMatch<string> | null {
  const phrases = servicePhrases(services, [...new Set([...locales, locale])]);
  return (
    bestPhraseMatch(folded, phrases.primary.get(locale) ?? [], true) ??
    bestPhraseMatch(folded, phrases.secondary.get(locale) ?? [], false)
  );
}

/**
 * "any doctor", "cualquiera de los dos", "me da lo mismo el doctor": whoever is free, whatever
 * alias follows.
 */
const ANYONE_BEFORE =
  /(?<![\p{L}\p{N}])(?:any|anyone|anybody|whichever|whoever|either|cualquier|cualquiera|cualquiera de|me da lo mismo|da lo mismo|da igual|me da igual|no importa|sin preferencia|no preference)(?:\s+(?:de\s+)?(?:los|las|the|of|dos|two|them|el|la|con|with))*\s+$/u;

/** "Doctora, ¿me puede atender…?": the one the message opens by speaking to. */
function addressed(folded: string, match: { start: number; end: number }): boolean {
  return (
    /^\s*(?:(?:hola|hi|hello|hey|buenas|buenos dias|buenas tardes|good morning)[\s,!]+)?$/.test(
      folded.slice(0, match.start),
    ) && /^\s*[,!:]/.test(folded.slice(match.end))
  );
}

/** The staff member a message names, or null; a generic word ("a doctor") names nobody. */
export function matchStaff(
  folded: string,
  staff: NluStaff[],
  genericWords: readonly string[] = [],
): PhraseMatch<string> | null {
  let phrases = staffCache.get(staff);
  if (!phrases) {
    const generic = new Set(genericWords.map((w) => phraseOf(0, w)?.words.join(' ')));
    phrases = present(
      staff.flatMap((member) =>
        [member.name, ...member.aliases].map((text) => {
          const phrase = phraseOf(member.key, text);
          return phrase && { ...phrase, generic: generic.has(phrase.words.join(' ')) };
        }),
      ),
    );
    staffCache.set(staff, phrases);
  }
  const match = bestPhraseMatch(folded, phrases, true);
  if (!match || ANYONE_BEFORE.test(folded.slice(0, match.start))) return null;
  return !match.generic || addressed(folded, match) ? match : null;
}
