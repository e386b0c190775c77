import type { Locale } from '../../core/locale';
import { editDistance } from '../../dialogs/engine/local/edit-distance';
import { readWhenAndStaff } from '../../dialogs/engine/local';
import { detectLocale } from '../../dialogs/engine/local/language';
import { foldSameLength } from '../../dialogs/engine/local/text';
import type { NluContext, NluStaff, When } from '../../dialogs/engine/types';
import { DAY_FILLERS, POLITE_ENDINGS, singleWords, type Verb, wordOf } from './command-words';

export type StatusVerb = 'approve' | 'decline' | 'done' | 'noshow' | 'start';

export type OwnerCommand =
  | { kind: 'day'; when: When }
  | { kind: 'next' }
  | { kind: 'stats' }
  | { kind: 'help' }
  | { kind: 'status'; verb: StatusVerb; ref: string }
  | { kind: 'cancel'; ref: string; reason: string | null }
  | { kind: 'move'; ref: string; when: When | null }
  /** `minutes`: a length said with it ("now 2h"); `staffKey`: one person's time, else everyone's. */
  | { kind: 'block'; when: When | null; minutes: number | null; staffKey: string | null }
  | { kind: 'unblock'; ref: string | null; when: When | null }
  | { kind: 'relay'; ref: string; text: string }
  /** A number: picks one of the options the last reply offered. */
  | { kind: 'choice'; n: number }
  /** A command that needs a visit's code, without one; `word` as the owner wrote it. */
  | { kind: 'missingReference'; word: string }
  /** Words where a day or time should be that name none ("feb 30"). */
  | { kind: 'badDate'; text: string }
  | { kind: 'unknown' };

export interface ParsedCommand {
  command: OwnerCommand;
  /** The language the message gives away; null when it could be either ("ok K7WM", "@K7WM …"). */
  locale: Locale | null;
}

export type ParseContext = Pick<NluContext, 'now' | 'timezone' | 'locales'> & {
  staff: NluStaff[];
  /** The language to read dates in when the message does not say. */
  usual: Locale;
};

interface Token {
  text: string;
  start: number;
  end: number;
}

const RELAY = /^@\s*([\p{L}\p{N}]{2,8})[\s:,.-]*([\s\S]*)$/u;
const NUMBER = /^\s*(\d{1,2})\s*[.)]?\s*$/;
const REFERENCE_TOKEN = /^[\p{L}\p{N}]{2,8}$/u;
const VERBS_WITH_REFERENCE = new Set<Verb>(['approve', 'decline', 'done', 'noshow', 'start', 'cancel', 'move']);

/**
 * An owner's message as a command. Case, accents, extra spaces, a polite word at the end and one
 * typo in a command word of four letters or more are let pass; dates and times are read by the
 * local engine, the same reader as a customer's ("tomorrow 1-3pm", "el viernes", "18/12").
 */
export function parseOwnerCommand(text: string, context: ParseContext): ParsedCommand {
  const original = text.normalize('NFC').trim();
  const relay = RELAY.exec(original);
  if (relay) return { command: { kind: 'relay', ref: relay[1].toUpperCase(), text: relay[2].trim() }, locale: null };
  const choice = NUMBER.exec(original);
  if (choice) return { command: { kind: 'choice', n: Number(choice[1]) }, locale: null };
  const tokens = withoutPoliteEnding(tokensOf(original));
  if (tokens.length === 0) return { command: { kind: 'help' }, locale: null };
  const spoken = original.slice(0, tokens[tokens.length - 1].end);
  const lead = leadingVerb(tokens);
  if (!lead) {
    // "hoy", "el viernes": the day's words say the language.
    const locale = detectLocale(spoken, { locales: context.locales, defaultLocale: context.usual });
    return { command: dayOrUnknown(spoken, locale, context), locale };
  }
  const args = tokens.slice(lead.length);
  const locale = lead.locale;
  const dateLocale = locale ?? context.usual;
  const after = (i: number) => (args[i] ? spoken.slice(args[i].start).trim() : '');
  const ref =
    args[0] && REFERENCE_TOKEN.test(args[0].text) ? spoken.slice(args[0].start, args[0].end).toUpperCase() : null;
  if (VERBS_WITH_REFERENCE.has(lead.verb) && !ref)
    return { command: { kind: 'missingReference', word: spoken.slice(0, tokens[lead.length - 1].end) }, locale };
  const command = ((): OwnerCommand => {
    switch (lead.verb) {
      case 'approve':
      case 'decline':
      case 'done':
      case 'noshow':
      case 'start':
        return { kind: 'status', verb: lead.verb, ref: ref! };
      case 'cancel':
        return { kind: 'cancel', ref: ref!, reason: after(1).replace(/^[\s:,.-]+/, '') || null };
      case 'move': {
        const rest = after(1);
        if (!rest) return { kind: 'move', ref: ref!, when: null };
        const read = readWhenAndStaff(rest, dateLocale, context);
        return read.when ? { kind: 'move', ref: ref!, when: read.when } : { kind: 'badDate', text: rest };
      }
      case 'block':
      case 'off':
        return blockCommand(after(0), dateLocale, context);
      case 'unblock': {
        const rest = after(0);
        if (!rest) return { kind: 'unblock', ref: null, when: null };
        const read = readWhenAndStaff(rest, dateLocale, context);
        if (read.when) return { kind: 'unblock', ref: null, when: read.when };
        return ref && args.length === 1 ? { kind: 'unblock', ref, when: null } : { kind: 'badDate', text: rest };
      }
      case 'day':
        return args.length === 0
          ? dayOrUnknown('today', dateLocale, context)
          : dayOrUnknown(after(0), dateLocale, context);
      case 'next': {
        // "next friday" is a day; "next" alone, the next visit.
        const day = args.length > 0 ? dayOrUnknown(spoken, dateLocale, context) : null;
        return day?.kind === 'day' ? day : { kind: 'next' };
      }
      case 'stats':
        return { kind: 'stats' };
      case 'help':
        return { kind: 'help' };
    }
  })();
  return { command, locale };
}

function tokensOf(original: string): Token[] {
  const folded = foldSameLength(original);
  return [...folded.matchAll(/[\p{L}\p{N}?]+/gu)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

function withoutPoliteEnding(tokens: Token[]): Token[] {
  let end = tokens.length;
  while (end > 0 && POLITE_ENDINGS.has(tokens[end - 1].text)) end--;
  // "por favor" is two words.
  if (end >= 2 && tokens[end - 2].text === 'por' && tokens[end - 1].text === 'favor') end -= 2;
  return tokens.slice(0, end);
}

/** The command word or phrase the message starts with: two words first, then one, then one with a typo. */
function leadingVerb(tokens: Token[]): { verb: Verb; locale: Locale | null; length: number } | null {
  if (tokens.length >= 2) {
    const pair = wordOf(`${tokens[0].text} ${tokens[1].text}`);
    if (pair) return { ...pair, length: 2 };
  }
  const exact = wordOf(tokens[0].text);
  if (exact) return { ...exact, length: 1 };
  const typed = tokens[0].text;
  if (typed.length < 4) return null;
  const near = singleWords().filter(([word]) => word.length >= 4 && editDistance(typed, word, 1) <= 1);
  const verbs = new Set(near.map(([, w]) => w.verb));
  // "stat" is one edit from both "stats" and "start": a guess would be a coin toss.
  return verbs.size === 1 ? { ...near[0][1], length: 1 } : null;
}

/** A message that is only a day ("fri", "dec 18", "el viernes") lists it; anything else is not a command. */
function dayOrUnknown(text: string, locale: Locale, context: ParseContext): OwnerCommand {
  const read = readWhenAndStaff(text, locale, context);
  const leftover = read.rest.split(' ').filter((w) => w && !DAY_FILLERS.has(w));
  if (read.when && leftover.length === 0) return { kind: 'day', when: read.when };
  return { kind: 'unknown' };
}

/** "2h", "90 min", "an hour", "media hora": how long a block lasts, when said. */
const DURATION =
  /(?<![\p{L}\p{N}])(?:for\s+|por\s+)?(\d+(?:[.,]\d+)?|an?|one|una?|half an?|media)\s*(hours?|hrs?|h|horas?|minutes?|mins?|m|minutos?)(?![\p{L}\p{N}])/iu;

function blockCommand(rest: string, locale: Locale, context: ParseContext): OwnerCommand {
  let minutes: number | null = null;
  let remaining = rest;
  const duration = DURATION.exec(foldSameLength(rest));
  if (duration) {
    const amount = /^\d/.test(duration[1])
      ? Number(duration[1].replace(',', '.'))
      : /^(half|media)/.test(duration[1])
        ? 0.5
        : 1;
    minutes = Math.round(amount * (/^(h|hora)/.test(duration[2]) ? 60 : 1));
    remaining = `${rest.slice(0, duration.index)} ${rest.slice(duration.index + duration[0].length)}`.trim();
  }
  if (!remaining) return { kind: 'block', when: null, minutes, staffKey: null };
  const read = readWhenAndStaff(remaining, locale, context);
  if (!read.when && !read.staffKey) return { kind: 'badDate', text: rest };
  return { kind: 'block', when: read.when, minutes, staffKey: read.staffKey };
}
