import type { Locale } from '../../core/locale';

/**
 * The slots the bot can fill, and what kind of value each holds. Plain data, so the Lex bot
 * generator can turn it into slot types and the local engine can read the same word lists.
 */

export const SLOT_NAMES = [
  'service',
  'date',
  'time',
  'staff',
  'reference',
  'choice',
  'answer',
  'name',
  'address',
  'vehicle',
  'notes',
] as const;
export type SlotName = (typeof SLOT_NAMES)[number];

/** A value with its words per language; the first Lex value is `value`, the rest synonyms. */
export interface SlotValue {
  readonly value: string;
  readonly synonyms: Readonly<Record<Locale, readonly string[]>>;
}

export type SlotType =
  /** Values differ per business: filled from each catalog when a Lex locale is built. */
  | { readonly kind: 'catalog'; readonly lexName: string; readonly source: 'services' | 'staff' }
  /** Fixed values known here. */
  | { readonly kind: 'values'; readonly lexName: string; readonly values: readonly SlotValue[] }
  /** A Lex built-in type. AMAZON.Confirmation is English-only, hence the custom Answer type. */
  | {
      readonly kind: 'builtin';
      readonly lexName:
        | 'AMAZON.Date'
        | 'AMAZON.Time'
        | 'AMAZON.Number'
        | 'AMAZON.AlphaNumeric'
        | 'AMAZON.FreeFormInput';
    };

export interface SlotDefinition {
  readonly name: SlotName;
  readonly type: SlotType;
  readonly description: string;
}

/**
 * Yes and no, as customers text them. Very short entries ("c", "ya", "va") are only taken as an
 * answer when they are the whole message; the local engine derives that rule from their length.
 */
export const ANSWER_VALUES: readonly SlotValue[] = [
  {
    value: 'yes',
    synonyms: {
      en: [
        'yes',
        'yeah',
        'yea',
        'yep',
        'yup',
        'ya',
        'y',
        'c',
        'sure',
        'ok',
        'okay',
        'k',
        'kk',
        'alright',
        'all right',
        'confirm',
        'confirmed',
        'book it',
        'sounds good',
        'that works',
        'works for me',
        'perfect',
        'great',
        'correct',
        'absolutely',
        'of course',
        'definitely',
        'please do',
        'go ahead',
        'do it',
        'yes please',
        'yessir',
        'yes sir',
        'bet',
        'for sure',
        'sure thing',
        'mhm',
        'uh huh',
        'no problem',
        'no worries',
        'cool',
        'fine',
        '👍',
        '👌',
      ],
      es: [
        'sí',
        'si',
        'sip',
        'sii',
        'ya',
        'va',
        'c',
        'dale',
        'ok',
        'okey',
        'oki',
        'bueno',
        'claro',
        'por supuesto',
        'de acuerdo',
        'confirmo',
        'confirmado',
        'confirmar',
        'perfecto',
        'listo',
        'ya po',
        'sí po',
        'si po',
        'obvio',
        'me sirve',
        'me parece',
        'está bien',
        'esta bien',
        'correcto',
        'agéndalo',
        'agendalo',
        'sipo',
        'ya bueno',
        'ok dale',
        '👍',
        '👌',
      ],
    },
  },
  {
    value: 'no',
    synonyms: {
      en: [
        'no',
        'nope',
        'nah',
        'naw',
        'n',
        'no thanks',
        'no thank you',
        'not really',
        'negative',
        'never mind',
        'nevermind',
        'nvm',
        'forget it',
        'forget about it',
        'not that one',
        'nothing',
        'none',
        "that's it",
        "can't do that",
        "can't make that",
        "doesn't work",
        '👎',
      ],
      es: [
        'no',
        'nop',
        'nones',
        'no gracias',
        'no po',
        'para nada',
        'mejor no',
        'no me sirve',
        'no puedo',
        'olvídalo',
        'olvidalo',
        'déjalo',
        'dejalo',
        'ninguna',
        'ninguno',
        'nada',
        'eso es todo',
        '👎',
      ],
    },
  },
];

export const SLOTS: Readonly<Record<SlotName, SlotDefinition>> = {
  service: {
    name: 'service',
    type: { kind: 'catalog', lexName: 'Service', source: 'services' },
    description: 'what the customer wants done',
  },
  date: { name: 'date', type: { kind: 'builtin', lexName: 'AMAZON.Date' }, description: 'the day asked for' },
  time: {
    name: 'time',
    type: { kind: 'builtin', lexName: 'AMAZON.Time' },
    description: 'the time or part of day asked for',
  },
  staff: {
    name: 'staff',
    type: { kind: 'catalog', lexName: 'Staff', source: 'staff' },
    description: 'who the customer wants to see',
  },
  reference: {
    name: 'reference',
    type: { kind: 'builtin', lexName: 'AMAZON.AlphaNumeric' },
    description: 'an appointment code such as K7WM',
  },
  choice: {
    name: 'choice',
    type: { kind: 'builtin', lexName: 'AMAZON.Number' },
    description: 'the number of an offered slot',
  },
  answer: {
    name: 'answer',
    type: { kind: 'values', lexName: 'Answer', values: ANSWER_VALUES },
    description: 'yes or no',
  },
  name: {
    name: 'name',
    type: { kind: 'builtin', lexName: 'AMAZON.FreeFormInput' },
    description: "the customer's name",
  },
  address: {
    name: 'address',
    type: { kind: 'builtin', lexName: 'AMAZON.FreeFormInput' },
    description: 'where a mobile business should go',
  },
  vehicle: {
    name: 'vehicle',
    type: { kind: 'builtin', lexName: 'AMAZON.FreeFormInput' },
    description: 'year, make and model',
  },
  notes: {
    name: 'notes',
    type: { kind: 'builtin', lexName: 'AMAZON.FreeFormInput' },
    description: 'anything the customer wants the business to know',
  },
};
