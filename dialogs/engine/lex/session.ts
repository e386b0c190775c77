import type { RecognizeTextCommandInput } from '@aws-sdk/client-lex-runtime-v2';
import type { Locale } from '../../../core/locale';
import { INTENTS } from '../../definition/intents';
import type { SlotName } from '../../definition/slots';
import { LEX_LOCALE_IDS } from '../../lex-bot/locales';
import type { NluContext, NluConversation } from '../types';

/**
 * What one turn sends Lex. The session id is the conversation's (a customer of one business on one
 * channel), built from ids Lex's rules allow — never a phone number, which has a `+` and is
 * personal data. The business is named in the request attributes, since one bot serves every
 * business; what the bot just asked goes as session state, so a bare "thursday" after "when?"
 * fills the slot of the intent in progress instead of starting another.
 */

export interface LexBotAddress {
  botId: string;
  botAliasId: string;
}

/** 2–100 characters of `[0-9a-zA-Z._:-]`, as Lex requires. */
export function lexSessionId(conversation: NluConversation): string {
  return `${conversation.channel}.${conversation.customerId}`.replace(/[^0-9a-zA-Z._:-]/g, '-').slice(0, 100);
}

/** The slot an answer to the pending question fills, if the intent in progress has it. */
function slotToElicit(context: NluContext): SlotName | null {
  const intent = INTENTS.find((i) => i.name === context.activeIntent);
  if (!intent || intent.lexBuiltIn) return null;
  const wanted: Partial<Record<string, SlotName>> = {
    service: 'service',
    staff: 'staff',
    reference: 'reference',
    // A day is already offered or proposed: what is missing is the time.
    when: context.focusDay ? 'time' : 'date',
  };
  const slot = context.expecting ? wanted[context.expecting] : undefined;
  if (slot && intent.slots.includes(slot)) return slot;
  return slot === 'time' && intent.slots.includes('date') ? 'date' : null;
}

function sessionAttributes(context: NluContext): Record<string, string> {
  const attributes: Record<string, string | null | undefined> = {
    expecting: context.expecting,
    activeIntent: context.activeIntent,
    focusDay: context.focusDay,
    timezone: context.timezone,
  };
  return Object.fromEntries(Object.entries(attributes).filter((e): e is [string, string] => Boolean(e[1])));
}

export function recognizeTextInput(
  text: string,
  context: NluContext,
  conversation: NluConversation,
  locale: Locale,
  bot: LexBotAddress,
): RecognizeTextCommandInput {
  const slot = slotToElicit(context);
  return {
    ...bot,
    localeId: LEX_LOCALE_IDS[locale],
    sessionId: lexSessionId(conversation),
    text,
    requestAttributes: { business: conversation.business },
    sessionState: {
      sessionAttributes: sessionAttributes(context),
      ...(slot && context.activeIntent
        ? {
            dialogAction: { type: 'ElicitSlot', slotToElicit: slot },
            intent: { name: context.activeIntent, state: 'InProgress' },
          }
        : {}),
    },
  };
}
