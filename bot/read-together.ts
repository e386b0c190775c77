import type { InboundText } from '../booking/repositories/turns';
import { type Keyword, keywordOf } from './opt-out';

/** What one turn reads of the messages queued for it. */
export interface TurnText {
  /** The texts, in arrival order, one a line: "oil change" and "tomorrow at 2pm" read as one request. */
  text: string;
  media: InboundText['media'];
  /** The carrier keyword that answers the turn, if any of the messages is one. */
  keyword: Keyword | null;
}

/**
 * Messages that queued up behind a running turn are read together, as a person reading them all
 * at once would. A carrier keyword among them still counts as one (only a message that is the
 * word alone does): each applies in order, so the last one answers, and a STOP is never lost in
 * a longer text. `optOutTypes` holds Twilio's own classification of the messages that came with one.
 */
export function readTogether(
  messages: InboundText[],
  options: { extraStopWords: readonly string[]; optOutTypes: Map<string, string>; optedOut: boolean },
): TurnText {
  let optedOut = options.optedOut;
  let keyword: Keyword | null = null;
  for (const message of messages) {
    const said = keywordOf(message.body, options.extraStopWords, options.optOutTypes.get(message.id), optedOut);
    if (said === 'stop' || said === 'start') optedOut = said === 'stop';
    keyword = said ?? keyword;
  }
  return {
    text: messages
      .map((m) => m.body.trim())
      .filter((body) => body !== '')
      .join('\n'),
    media: messages.flatMap((m) => m.media),
    keyword,
  };
}
