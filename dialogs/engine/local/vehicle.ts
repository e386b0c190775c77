import { wholeWords } from './text';

/**
 * Cars as customers name them: "2015 Honda Civic", "my f150", "05 chevy silverado 1500",
 * "Toyota Corolla 2014". A one-shot message gives a car only in forms that cannot be anything
 * else; an answer to "what car is it?" only needs to name one somehow (a make, a model, a year or
 * a word for a vehicle).
 */

const MAKES =
  'acura|alfa romeo|audi|bmw|buick|cadillac|chevy|chevrolet|chrysler|dodge|fiat|ford|gmc|honda|hyundai|infiniti|jeep|kia|land rover|lexus|lincoln|mazda|' +
  'mercedes(?: benz)?|benz|mini|mitsubishi|nissan|peugeot|porsche|ram|renault|subaru|suzuki|tesla|toyota|volkswagen|vw|volvo|chery|citroen|byd|pontiac|scion|genesis';
/** Words that end a model name: what usually follows "2015 Honda Civic" in a booking text. */
const NOT_MODEL =
  'at|on|for|in|and|with|please|pls|the|is|it|needs?|has|that|tomorrow|today|tonight|next|this|por|para|el|la|manana|hoy|a|de|con|y|oil|brakes?|battery|tires?';
const MODEL = `(?:\\s+(?!(?:${NOT_MODEL})(?![\\p{L}\\p{N}]))[\\p{L}\\p{N}][\\p{L}\\p{N}-]*)`;
/** Models people name without the make ("my 2011 civic", "the f150"); only with a year or "my". */
const MODELS =
  'civic|accord|cr-?v|pilot|odyssey|fit|corolla|camry|prius|rav-?4|tacoma|tundra|highlander|sienna|4runner|f-?150|f-?250|mustang|explorer|escape|focus|fusion|ranger|' +
  'silverado|malibu|equinox|tahoe|impala|altima|sentra|rogue|pathfinder|frontier|wrangler|cherokee|outback|forester|impreza|elantra|sonata|tucson|santa fe|' +
  'jetta|golf|passat|tiguan|optima|sorento|soul|mazda ?3|cx-?5|model [3sxy]';
export const VEHICLE = wholeWords(
  `(?:(?:19|20)\\d{2}\\s+(?:${MAKES})${MODEL}{0,2}|(?:${MAKES})${MODEL}{1,2}(?:\\s+(?:19|20)\\d{2})?|(?<=(?:my|a|an|mi|un|una)\\s+)(?:${MAKES})` +
    `|(?:19|20)\\d{2}\\s+(?:${MODELS})|(?<=(?:my|mi)\\s+)(?:${MODELS})(?:\\s+(?:19|20)\\d{2})?)`,
);

/** A car is named by its make, model or year, or called a car: "Maria" is not one. */
const VEHICLE_WORD = wholeWords(
  `(?:19|20)\\d{2}|'?\\d{2}\\s+(?:${MAKES})|${MAKES}|${MODELS}|cars?|truck|pickup|pick-up|van|minivan|suv|sedan|coupe|wagon|hatchback|jeep|motorcycle|motorbike|auto|carro|coche|camioneta|furgon|moto`,
  'u',
);

/** Whether an answer to "what car is it?" names a car at all. */
export function looksLikeVehicle(folded: string): boolean {
  return VEHICLE_WORD.test(folded);
}
