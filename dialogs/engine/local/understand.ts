import type { NluContext, Understanding } from '../types';
import { matchService, matchStaff } from './catalog-match';
import { extractChoice } from './choice';
import { asksForSomethingElse, classifyIntent, cueScores, pendingIntent } from './classify-intent';
import { STRONG } from './intent-cues';
import { extractWhen } from './dates/extract-when';
import { extractPleasantries } from './greeting';
import { extractIntake, isIntakeField, reconsidersInstead } from './intake';
import { detectLocale } from './language';
import { extractReference } from './reference';
import { foldSameLength, MaskedText, wordsOnly } from './text';
import { extractAnswer } from './yes-no';

/**
 * One message through the local recognisers. The order matters: each blanks out what it read,
 * so the most specific go first (a street address before times, so "12 Oak St" is not noon;
 * greetings before parts of day, so "buenas tardes" is not the afternoon; dates before services,
 * so "mañana" is never a typo of anything).
 */
const SET_ASIDE =
  /(?<![\p{L}\p{N}])(?:instead of|rather than|not|no|en vez de|en lugar de)\s+(?:(?:an?|the|my|el|la|un|una|mi)\s+)?$/u;

/** Whether a service is named only to be set aside ("instead of an oil change"). */
function setAside(folded: string, match: { start: number }): boolean {
  return SET_ASIDE.test(folded.slice(0, match.start));
}

export function understandLocally(text: string, context: NluContext): Understanding {
  const masked = new MaskedText(text);
  // fold(text), computed once from the masked text's folded copy.
  const folded = wordsOnly(masked.folded);
  const locale = detectLocale(text, context, folded);
  const cues = cueScores(folded);
  const answeringIntake =
    isIntakeField(context.expecting) &&
    !asksForSomethingElse(cues, pendingIntent(context)) &&
    !reconsidersInstead(context.expecting, text, folded);
  const intake = extractIntake(masked, answeringIntake ? context.expecting : null);
  const reference = extractReference(masked, context);
  const pleasantries = extractPleasantries(masked);
  const choice = extractChoice(masked, context);
  const answer = extractAnswer(masked);
  // "move it from thursday to saturday": the time a visit is moved to, not the one it has.
  const when = extractWhen(masked, locale, { ...context, moving: (cues.get('Reschedule') ?? 0) >= STRONG });
  const first = matchService(masked.text, context.services, locale, context.locales);
  if (first) masked.mask(first.start, first.end);
  const second = first && !first.generic ? matchService(masked.text, context.services, locale, context.locales) : null;
  if (second) masked.mask(second.start, second.end);
  // "brakes instead of an oil change", "en vez de control, una consulta": one replaces the other.
  const spelt = foldSameLength(text);
  const [service, also] =
    second && setAside(spelt, first!) ? [second, null] : [first, second && setAside(spelt, second) ? null : second];
  const staff = matchStaff(masked.text, context.staff, context.genericStaffWords);

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
  return {
    intent,
    confidence,
    locale,
    serviceKey,
    alsoServiceKey,
    staffKey: staff?.key ?? null,
    when,
    choice,
    answer,
    reference,
    intake,
  };
}
