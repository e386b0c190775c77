import type { Locale } from '../../core/locale';

/** What an owner's message starts with decides the command; its words in English and Spanish. */
export type Verb =
  | 'day'
  | 'next'
  | 'approve'
  | 'decline'
  | 'done'
  | 'noshow'
  | 'start'
  | 'cancel'
  | 'move'
  | 'block'
  | 'off'
  | 'unblock'
  | 'stats'
  | 'help';

interface Word {
  verb: Verb;
  /** The language the word gives away; null for words both use ("ok", "no", "stats"). */
  locale: Locale | null;
}

/**
 * Folded (lower case, no accents) words and phrases; phrases of two words are tried before the
 * first word alone, so "no vino K7WM" is a no-show, not a decline.
 */
const WORDS: Record<Verb, { en: string[]; es: string[]; both?: string[] }> = {
  day: { en: ['agenda', 'schedule', 'day', 'list'], es: ['dia', 'lista de'] },
  next: { en: ['next', 'whats next', 'next up'], es: ['siguiente', 'proximo', 'proxima', 'que sigue'] },
  approve: {
    en: ['yes', 'approve', 'accept'],
    es: ['si', 'acepto', 'aceptar', 'aprobar', 'apruebo', 'dale'],
    both: ['ok', 'okay'],
  },
  decline: { en: ['decline', 'reject', 'deny'], es: ['rechazar', 'rechazo', 'rechaza'], both: ['no'] },
  done: {
    en: ['done', 'finished', 'complete', 'completed'],
    es: ['listo', 'lista', 'terminado', 'terminada', 'termine', 'hecho'],
  },
  noshow: { en: ['noshow', 'no show', 'didnt show', 'missed'], es: ['no vino', 'no llego', 'no asistio', 'falto'] },
  start: { en: ['start', 'started', 'starting'], es: ['empiezo', 'empezar', 'empece', 'comienzo', 'inicio'] },
  cancel: { en: ['cancel'], es: ['cancela', 'cancelar', 'cancelo', 'anula', 'anular', 'anulo'] },
  move: { en: ['move', 'reschedule'], es: ['mueve', 'mover', 'muevo', 'cambia', 'cambiar', 'reagenda', 'reagendar'] },
  block: { en: ['block'], es: ['bloquea', 'bloquear', 'bloqueo'] },
  off: { en: ['off', 'day off'], es: ['libre', 'dia libre'] },
  unblock: { en: ['unblock', 'free up'], es: ['desbloquea', 'desbloquear', 'libera', 'liberar'] },
  stats: { en: ['stats', 'statistics', 'summary', 'numbers'], es: ['resumen', 'estadisticas', 'numeros'] },
  help: { en: ['help', 'commands', 'menu'], es: ['ayuda', 'comandos'], both: ['?'] },
};

const LEXICON = new Map<string, Word>();
for (const [verb, words] of Object.entries(WORDS) as [Verb, (typeof WORDS)[Verb]][]) {
  for (const w of words.en) LEXICON.set(w, { verb, locale: 'en' });
  for (const w of words.es) LEXICON.set(w, { verb, locale: 'es' });
  for (const w of words.both ?? []) LEXICON.set(w, { verb, locale: null });
}

/** Words said only to be polite, dropped from the end of a command ("done K7WM pls"). */
export const POLITE_ENDINGS = new Set(['pls', 'plz', 'please', 'porfa', 'porfis', 'xfa', 'thanks', 'thx', 'gracias']);

/** Words around a day that say nothing more ("what's on friday", "el viernes"). */
export const DAY_FILLERS = new Set(
  'whats what is on for the this el la los las de del para que hay tengo agenda schedule day dia list lista'.split(' '),
);

export function wordOf(phrase: string): Word | undefined {
  return LEXICON.get(phrase);
}

/** Every single word of the lexicon, for typo matching. */
export function singleWords(): [string, Word][] {
  return [...LEXICON].filter(([phrase]) => !phrase.includes(' '));
}
