/**
 * Carrier keywords, as Twilio's Advanced Opt-Out handles them. Only a message that is the keyword alone counts, so
 * "cancel my appointment" is a sentence, not an opt-out. Spanish words count only where the
 * business enables them.
 */
const STOP = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'];
const START = ['START', 'UNSTOP'];
/** Twilio re-subscribes on YES too; to anyone still subscribed it is just a yes. */
const START_WHEN_OPTED_OUT = ['YES'];
const HELP = ['HELP', 'INFO'];

export type Keyword = 'stop' | 'start' | 'help';

export function keywordOf(
  text: string,
  extraStopWords: readonly string[],
  advancedOptOut?: string,
  optedOut = false,
): Keyword | null {
  // Twilio's Advanced Opt-Out already classified it.
  if (advancedOptOut === 'STOP' || advancedOptOut === 'START' || advancedOptOut === 'HELP')
    return advancedOptOut.toLowerCase() as Keyword;
  const word = text
    .trim()
    .replace(/[.!¡?¿]+$/u, '')
    .toUpperCase();
  if (!word || /\s/.test(word)) return null;
  if (STOP.includes(word) || extraStopWords.includes(word)) return 'stop';
  if (START.includes(word) || (optedOut && START_WHEN_OPTED_OUT.includes(word))) return 'start';
  if (HELP.includes(word)) return 'help';
  return null;
}
