/** The intents' names, apart from their definitions so the utterance files can use the type. */
export const INTENT_NAMES = [
  'Book',
  'Reschedule',
  'Cancel',
  'MyAppointments',
  'Confirm',
  'Services',
  'Hours',
  'Help',
  'Greeting',
  'Thanks',
  'Fallback',
] as const;
export type IntentName = (typeof INTENT_NAMES)[number];

/**
 * Sample utterances for one locale. `{slot}` marks where a slot value goes; `{date}` and `{time}`
 * are separate because Lex resolves them with AMAZON.Date and AMAZON.Time. No punctuation other
 * than apostrophes and periods, as Lex requires.
 */
export type Utterances = Readonly<Record<IntentName, readonly string[]>>;
