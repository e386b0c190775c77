import type { Expectation, Intake } from '../types';
import { fold, foldSameLength, type MaskedText, matchesOf, wholeWords } from './text';
import { isOnlyThanks } from './greeting';
import { findAddress, looksLikeAddress } from './address';
import { looksLikeVehicle, VEHICLE } from './vehicle';
import { bareAnswer } from './yes-no';

/**
 * The details a business asks before booking: name, address, vehicle, notes. When the bot has
 * just asked for one, the whole reply is the answer (minus "it's a", "me llamo"); otherwise only
 * forms that cannot be anything else are taken from a one-shot message ("… at 12 Oak St, 2015
 * Honda Civic"), and blanked out so "12" is not read as noon.
 */

type IntakeField = keyof Intake;
const INTAKE_FIELDS: readonly IntakeField[] = ['name', 'address', 'vehicle', 'notes'];

/** A name, an address or a car: answers that are proper nouns, not sentences (notes are). */
export function asksProperNoun(expecting: Expectation | null | undefined): boolean {
  return expecting === 'name' || expecting === 'address' || expecting === 'vehicle';
}

export function isIntakeField(expecting: Expectation | null | undefined): expecting is IntakeField {
  return (INTAKE_FIELDS as readonly (string | null | undefined)[]).includes(expecting);
}

/** Openers that are not part of the answer itself. */
const LEAD_INS: Readonly<Record<IntakeField, RegExp>> = {
  name: /^(?:(?:hi|hello|hola|ok|sure|yes|si)[\s,.!]+)?(?:(?:my name is|my name s|name s|name is|i m|i am|im|it s|its|this is|me llamo|mi nombre es|soy|a nombre de|es)\s+)?/,
  address:
    /^(?:(?:ok|sure|yes|si|no)[\s,.!]+)?(?:(?:my address is|the address is|address is|address|it s|its|i m at|i am at|im at|come to|at|mi direccion es|la direccion es|direccion|vivo en|estoy en|es en|en)\s+)?/,
  vehicle:
    /^(?:(?:ok|sure|yes|si|no)[\s,.!]+)?(?:(?:it s|its|it is|i have|i drive|i got|my car is|my truck is|the car is|car is|es|tengo|mi auto es|mi auto|mi carro es|mi camioneta es)\s+)?(?:(?:an?|un|una|the|my|mi)\s+)?/,
  notes: /^(?:(?:ok|sure|yes|si)[\s,.!]+)?(?:(?:notes?|nota)\s*:?\s+)?/,
};

/** Words that take back or question the plan: such a reply is not the name, address or car asked for. */
const RECONSIDERING = wholeWords(
  'actually|instead|wait|never ?mind|scratch that|mejor|en vez|en lugar|prefiero|olvida(?:lo)?|cambia(?:r|mos)?',
  'u',
);

/**
 * "actually make it a diagnostic", "mejor a las 12", "do you come to Pasadena?": a change of
 * plan or a question, not the detail just asked for. `folded` is fold(text).
 */
export function reconsidersInstead(expecting: Expectation | null | undefined, text: string, folded: string): boolean {
  if (!asksProperNoun(expecting)) return false;
  return /\?\s*$/.test(text) || RECONSIDERING.test(folded);
}

function answerTo(field: IntakeField, masked: MaskedText): string | undefined {
  // "nothing", "no thanks", "nada": an empty answer to "anything we should know?". A bare yes or
  // no is never a name, an address or a car.
  const bare = bareAnswer(masked.text);
  if (bare === 'no' || (bare === 'yes' && field !== 'notes') || isOnlyThanks(masked.text)) return undefined;
  // Apostrophes as spaces, so "it's", "it s" and "its" read alike.
  const folded = masked.text.replace(/['’]/g, ' ');
  const lead = LEAD_INS[field].exec(folded)?.[0].length ?? 0;
  const answer = masked.originalAt(lead, masked.text.length);
  if (!answer || !FITS[field](folded.slice(lead))) return undefined;
  masked.mask(0, masked.text.length);
  return answer;
}

/** Words no name holds: "friday", "mañana", "tonight" answer "when?", not "what name?". */
const NOT_A_NAME = wholeWords(
  '\\d+|today|tonight|tomorrow|tmrw|yesterday|morning|afternoon|evening|noon|next|week|monday|tuesday|wednesday|thursday|friday|saturday|sunday|' +
    'hoy|manana|pasado|tarde|noche|mediodia|semana|proxima|lunes|martes|miercoles|jueves|viernes|sabado|domingo',
  'u',
);

/** Whether the (folded) reply to the question about `field` is that detail at all. */
const FITS: Readonly<Record<IntakeField, (folded: string) => boolean>> = {
  name: (folded) => !NOT_A_NAME.test(folded),
  address: looksLikeAddress,
  vehicle: looksLikeVehicle,
  notes: () => true,
};

const NAME =
  /(?<![\p{L}\p{N}])(?:my name is|my name's|me llamo|mi nombre es|a nombre de)\s+([\p{L}'-]+(?:\s+(?!(?:and|y|from|de|i|for|para|con)(?![\p{L}]))[\p{L}'-]+){0,2})/u;

/**
 * "I'm Ana", "this is Bob", "soy Marta Díaz": a self-introduction in a one-shot message. These
 * openers also start "I'm free", "soy nueva" and "it's Friday", so only capitalised words that are
 * not days or months count as the name. Blanking the name out keeps "soy Pedro Soto" from asking
 * for Dra. Soto.
 */
const INTRO = /(?<![\p{L}\p{N}])(?:i m|im|i am|this is|it s|soy)\s+/gu;
/** Up to three capitalised words ("Ana", "María José González"); "ANA" in a shouted message is not enough. */
const CAPITALISED_WORDS = /^\p{Lu}\p{Ll}[\p{L}'-]*(?: +\p{Lu}\p{Ll}[\p{L}'-]*){0,2}/u;
const NOT_NAME = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december ' +
    'lunes martes miercoles jueves viernes sabado domingo dr dra doctor doctora'
  ).split(' '),
);

function introducedName(masked: MaskedText): string | undefined {
  for (const intro of matchesOf(INTRO, masked.text.replace(/['’]/g, ' '))) {
    const from = intro.index + intro[0].length;
    const run = CAPITALISED_WORDS.exec(masked.original.slice(from))?.[0] ?? '';
    const words = run.split(' ').filter(Boolean);
    const cut = words.findIndex((w) => NOT_NAME.has(fold(w)));
    const name = words.slice(0, cut < 0 ? words.length : cut).join(' ');
    // Another recogniser may already have read those words (a vehicle's make, an address).
    if (!name || masked.text.slice(from, from + name.length) !== foldSameLength(name)) continue;
    masked.mask(intro.index, from + name.length);
    return name;
  }
  return undefined;
}

function take(masked: MaskedText, pattern: RegExp, group = 0): string | undefined {
  pattern.lastIndex = 0;
  const match = pattern.exec(masked.text);
  if (!match) return undefined;
  const start = match.index + match[0].indexOf(match[group]);
  const value = masked.originalAt(start, start + match[group].length);
  masked.mask(match.index, match.index + match[0].length);
  return value || undefined;
}

export function extractIntake(masked: MaskedText, expecting: Expectation | null | undefined): Intake {
  const intake: Intake = {};
  if (isIntakeField(expecting)) {
    const value = answerTo(expecting, masked);
    if (value) intake[expecting] = value;
    return intake;
  }
  const found = findAddress(masked.text, masked.original);
  const address = found ? masked.originalAt(found.start, found.end) : undefined;
  if (found) masked.mask(found.start, found.end);
  const vehicle = take(masked, VEHICLE);
  const name = take(masked, NAME, 1) ?? introducedName(masked);
  if (address) intake.address = address;
  if (vehicle) intake.vehicle = vehicle;
  if (name) intake.name = name;
  return intake;
}
