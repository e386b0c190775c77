import type { Locale } from '../../core/locale';
import type { SlotName } from '../definition/slots';
import { type MessageId, render } from '../replies/render';

/**
 * What Lex would ask for each slot. The bot asks its own questions and never sends Lex's, but a
 * slot Lex may be told to elicit needs a prompt; where the bot has the question, it is the bot's.
 */

const BOT_QUESTIONS: Partial<Record<SlotName, MessageId>> = {
  date: 'whenForIt',
  time: 'whenForIt',
  name: 'askName',
  address: 'askAddress',
  vehicle: 'askVehicle',
  notes: 'askNotes',
};

const OTHER_QUESTIONS: Readonly<Record<Locale, Partial<Record<SlotName, string>>>> = {
  en: {
    service: 'Which service would you like?',
    staff: 'Who would you like to see?',
    reference: 'What is the reference of your visit?',
    choice: 'Which number?',
    answer: 'Yes or no?',
  },
  es: {
    service: '¿Qué servicio necesita?',
    staff: '¿Con quién le gustaría atenderse?',
    reference: '¿Cuál es el código de su hora?',
    choice: '¿Qué número?',
    answer: '¿Sí o no?',
  },
};

export function slotPrompt(slot: SlotName, locale: Locale): string {
  const id = BOT_QUESTIONS[slot];
  const text = id ? render(id, locale) : OTHER_QUESTIONS[locale][slot];
  if (!text) throw new Error(`no Lex prompt for the slot "${slot}"`);
  return text;
}
