import type { Locale } from '../../../core/locale';
import type { NluContext } from '../types';
import { asksProperNoun } from './intake';
import { fold } from './text';

/**
 * Which of the business's languages a message is in. Common function words decide; a message
 * with no telling word ("2", "ok", "K7WM") keeps the customer's language, and a customer whose
 * language is known needs a clear signal to switch, so one stray word does not flip the replies.
 * A name, address or car says nothing of the writer's language ("2200 Paseo de la Playa").
 */

const CUES: Readonly<Record<Locale, ReadonlySet<string>>> = {
  es: new Set(
    (
      'hola buenas buenos dias dia quiero quisiera necesito necesita hora horas manana pasado tarde noche para por favor gracias el la los las de del que ' +
      'con una es mi mis cuando cuanto cuanta donde como tienen tiene tengo hay puedo puede podria si cambiar cancelar cita lunes martes miercoles jueves ' +
      'viernes sabado domingo hoy semana proxima proximo doctora y al en lo le te se su po tiro guagua agendar agendada reservar consulta precio cuesta ' +
      'abren horario ayuda llamo soy nombre direccion calle aceite frenos bateria llantas esta estan usted ustedes mejor despues antes otra otro ' +
      'confirmo dale sale vale atienden hijo hija gracias ahi alla pero tambien mas menos media cuarto hasta desde'
    ).split(' '),
  ),
  en: new Set(
    (
      'hi hello hey the an i im my you your can could would need want book appointment tomorrow today tonight morning afternoon evening next this ' +
      'at on for to is are do does how much what when where please thanks thank change cancel reschedule oil brakes yes yeah yep ' +
      'monday tuesday wednesday thursday friday saturday sunday week open hours help it get have there with and or of will be work ' +
      'around about available any anything come out sure sounds good works fix just car truck still later earlier'
    ).split(' '),
  ),
};

function score(words: string[], locale: Locale): number {
  return words.filter((w) => CUES[locale].has(w)).length;
}

/** `folded` is fold(text), passed in when the caller has it already. */
export function detectLocale(
  text: string,
  context: Pick<NluContext, 'locales' | 'defaultLocale' | 'customerLocale' | 'expecting'>,
  folded = fold(text),
): Locale {
  const usual =
    context.customerLocale && context.locales.includes(context.customerLocale)
      ? context.customerLocale
      : context.defaultLocale;
  if (context.locales.length < 2 || asksProperNoun(context.expecting)) return usual;
  const words = folded.split(' ').filter(Boolean);
  // "y", "ok", "no": too short to tell.
  if (words.length === 1 && words[0].length <= 2) return usual;
  // Accents, ñ and inverted marks only occur in Spanish here.
  const marks = /[ñáéíóú¿¡]/i.test(text) ? 2 : 0;
  const scores = { es: score(words, 'es') + marks, en: score(words, 'en') };
  const [best, other] = scores.es >= scores.en ? (['es', 'en'] as const) : (['en', 'es'] as const);
  const lead = scores[best] - scores[other];
  const needed = context.customerLocale ? 2 : 1;
  if (lead >= needed && context.locales.includes(best)) return best;
  return usual;
}
