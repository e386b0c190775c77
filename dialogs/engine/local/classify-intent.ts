import type { IntentName } from '../../definition/intent-names';
import type { NluContext } from '../types';
import { CUES, STRONG } from './intent-cues';

/**
 * Rules, not a model: deterministic, explainable, well under a millisecond. Cue words score an
 * intent; the slots found add to Book ("oil change tomorrow at 3" needs no verb); an answer to
 * the question the bot just asked keeps that question's intent unless the customer clearly
 * asks for something else ("cancel my appointment" while being asked for an address).
 */

export interface Signals {
  hasService: boolean;
  hasWhen: boolean;
  hasStaff: boolean;
  hasReference: boolean;
  hasIntake: boolean;
  answer: 'yes' | 'no' | null;
  choice: number | null;
  greeting: boolean;
  thanks: boolean;
}

export interface Classification {
  intent: IntentName;
  confidence: number;
}

/** Ties go to the intent listed first: a request to cancel outranks a price question. */
const PRIORITY: readonly IntentName[] = [
  'Cancel',
  'Reschedule',
  'MyAppointments',
  'Services',
  'Hours',
  'Help',
  'Book',
  'Confirm',
  'Greeting',
  'Thanks',
];

/** Intents about an appointment the customer already has. */
const MANAGING: readonly IntentName[] = ['Cancel', 'Reschedule', 'MyAppointments'];

/** The strongest cue of each intent; every further cue of the same intent adds half a point. */
export function cueScores(folded: string): Map<IntentName, number> {
  const scores = new Map<IntentName, number>();
  for (const { intent, weight, pattern } of CUES) {
    if (pattern.test(folded))
      scores.set(intent, Math.max(scores.get(intent) ?? 0, weight) + (scores.has(intent) ? 0.5 : 0));
  }
  return scores;
}

/**
 * Whether the message clearly asks for another intent than the one the bot is pursuing. "yes
 * cancel it" to "cancel your visit?" pursues the cancel (`also`: the intent the answer serves);
 * "an hour later?" to a booking's proposal changes that booking, as the bot reads it.
 */
export function asksForSomethingElse(
  scores: ReadonlyMap<IntentName, number>,
  pursued: IntentName,
  also: IntentName | null = null,
): boolean {
  // Only an answer to the proposal: "can we move it to friday?" is no address.
  const booking = pursued === 'Confirm' && also === 'Book';
  const pursuing = (intent: IntentName) =>
    intent === pursued ||
    intent === also ||
    intent === 'Book' ||
    intent === 'Confirm' ||
    (booking && intent === 'Reschedule');
  return [...scores].some(([other, score]) => !pursuing(other) && score >= STRONG);
}

/** The intent an answer to the pending question belongs to. */
export function pendingIntent(context: Pick<NluContext, 'expecting' | 'activeIntent'>): IntentName {
  return context.activeIntent ?? (context.expecting === 'confirmation' ? 'Confirm' : 'Book');
}

function answersPendingQuestion(signals: Signals, context: Pick<NluContext, 'expecting'>): boolean {
  if (signals.choice !== null) return true;
  switch (context.expecting) {
    case 'confirmation':
      return signals.answer !== null;
    case 'service':
      return signals.hasService;
    case 'when':
      return signals.hasWhen;
    case 'staff':
      return signals.hasStaff;
    case 'reference':
      return signals.hasReference;
    case 'name':
    case 'address':
    case 'vehicle':
    case 'notes':
      // "no", "nothing": declining to add details answers the question too; a bare "yes" stays
      // with the question, which is then asked again.
      return signals.hasIntake || signals.answer !== null;
    default:
      return false;
  }
}

function confidenceOf(score: number): number {
  return Math.min(0.95, Math.round((0.4 + score / 10) * 100) / 100);
}

export function classifyIntent(
  signals: Signals,
  cues: ReadonlyMap<IntentName, number>,
  context: Pick<NluContext, 'expecting' | 'activeIntent'>,
): Classification {
  const scores = new Map(cues);
  if (answersPendingQuestion(signals, context)) {
    const intent = signals.answer !== null && context.expecting === 'confirmation' ? 'Confirm' : pendingIntent(context);
    if (!asksForSomethingElse(scores, intent, context.activeIntent ?? null)) return { intent, confidence: 0.9 };
  }
  const add = (intent: IntentName, points: number) => scores.set(intent, (scores.get(intent) ?? 0) + points);
  // In "need to cancel my daughter's appointment on friday" the service and the day describe the
  // appointment being managed; they are no evidence of a new booking.
  const managing = MANAGING.some((intent) => (scores.get(intent) ?? 0) >= STRONG);
  // "how long does a brake job take?", "how much to come out and jump my car": the service is
  // what the question is about, not a booking of it.
  const asking = (scores.get('Services') ?? 0) >= STRONG;
  if (signals.hasService && !managing && !asking) add('Book', 1.5);
  if (signals.hasWhen && !managing) add('Book', 1.5);
  if (signals.hasStaff && !managing) add('Book', 0.5);
  // A bare "ok" confirms; "me sirve el jueves a las 3" is a request that happens to start with a yes.
  if (signals.answer) add('Confirm', signals.hasService || signals.hasWhen || signals.hasStaff ? 1 : 2.5);
  if (signals.hasReference) add('MyAppointments', 1);
  if (signals.greeting) add('Greeting', 1.5);
  if (signals.thanks) add('Thanks', 1.5);
  let best: IntentName = 'Fallback';
  let bestScore = 0;
  for (const intent of PRIORITY) {
    const score = scores.get(intent) ?? 0;
    if (score > bestScore) [best, bestScore] = [intent, score];
  }
  // One weak word ("get", "need") is not enough to go on.
  if (bestScore < 1.5) return { intent: 'Fallback', confidence: 0.3 };
  return { intent: best, confidence: confidenceOf(bestScore) };
}
