import type { NluContext, Understanding } from '../types';
import { matchService, matchStaff } from './catalog-match';
import { extractChoice } from './choice';
import { asksForSomethingElse, classifyIntent, cueScores, pendingIntent } from './classify-intent';
import { extractWhen } from './dates/extract-when';
import { extractPleasantries } from './greeting';
import { extractIntake, isIntakeField, reconsidersInstead } from './intake';
import { detectLocale } from './language';
import { extractReference } from './reference';
import { MaskedText, wordsOnly } from './text';
import { extractAnswer } from './yes-no';

/**
 * One message through the local recognisers. The order matters: each blanks out what it read,
 * so the most specific go first (a street address before times, so "12 Oak St" is not noon;
 * greetings before parts of day, so "buenas tardes" is not the afternoon; dates before services,
 * so "mañana" is never a typo of anything).
 */
export function understandLocally(text: string, context: NluContext): Understanding {
  const masked = new MaskedText(text);
  // fold(text), computed once from the masked text's folded copy.
  const folded = wordsOnly(masked.folded);
  const locale = detectLocale(text, context, folded);
  const cues = cueScores(folded);
  const answeringIntake = isIntakeField(context.expecting) && !asksForSomethingElse(cues, pendingIntent(context)) && !reconsidersInstead(context.expecting, text, folded);
  const intake = extractIntake(masked, answeringIntake ? context.expecting : null);
  const reference = extractReference(masked, context);
  const pleasantries = extractPleasantries(masked);
  const choice = extractChoice(masked, context);
  const answer = extractAnswer(masked);
  const when = extractWhen(masked, locale, context);
  const service = matchService(masked.text, context.services, locale, context.locales);
  if (service) masked.mask(service.start, service.end);
  const also = service && !service.generic ? matchService(masked.text, context.services, locale, context.locales) : null;
  if (also) masked.mask(also.start, also.end);
  const staff = matchStaff(masked.text, context.staff);

  const { intent, confidence } = classifyIntent(
    {
      hasService: service !== null && !service.generic,
      hasWhen: when !== null,
      hasStaff: staff !== null,
      hasReference: reference !== null,
      hasIntake: Object.keys(intake).length > 0,
      answer,
      choice,
      greeting: pleasantries.greeting,
      thanks: pleasantries.thanks,
    },
    cues,
    context,
  );
  // "hora" and "appointment" name the catalog's service only when booking.
  const serviceKey = service && (!service.generic || intent === 'Book') ? service.key : null;
  const alsoServiceKey = serviceKey && also && !also.generic && also.key !== serviceKey ? also.key : null;
  return { intent, confidence, locale, serviceKey, alsoServiceKey, staffKey: staff?.key ?? null, when, choice, answer, reference, intake };
}
