import type { Locale } from '../core/locale';
import type { BusinessFile } from '../booking/businesses/business-file';
import type { Catalog } from '../booking/repositories/catalog';
import type { NluContext, NluService, NluStaff } from '../dialogs/engine/types';

/**
 * What the understanding engines know about a business, taken from its catalog (or its file, for
 * tools that run without a database). Only active services and staff are named: a retired
 * service should not be recognised and then refused.
 */

/** The per-turn part: what the bot asked last and who is writing. */
export type NluTurn = Pick<
  NluContext,
  | 'customerLocale'
  | 'expecting'
  | 'activeIntent'
  | 'offeredCount'
  | 'focusDay'
  | 'focusTime'
  | 'recentVisit'
  | 'conversation'
>;

interface BusinessFacts {
  timezone: string;
  locales: Locale[];
  defaultLocale: Locale;
  services: (NluService & { active: boolean })[];
  staff: (NluStaff & { active: boolean })[];
}

// Services and staff arrays are kept per catalog object, so engines can cache work on them.
const cache = new WeakMap<object, Pick<NluContext, 'services' | 'staff'>>();

function contextOf(source: object, facts: BusinessFacts, now: Date, turn: NluTurn): NluContext {
  let lists = cache.get(source);
  if (!lists) {
    lists = {
      services: facts.services.filter((s) => s.active).map(({ key, names, synonyms }) => ({ key, names, synonyms })),
      staff: facts.staff.filter((s) => s.active).map(({ key, name, aliases }) => ({ key, name, aliases })),
    };
    cache.set(source, lists);
  }
  return {
    now,
    timezone: facts.timezone,
    locales: facts.locales,
    defaultLocale: facts.defaultLocale,
    ...lists,
    ...turn,
  };
}

export function nluContextOf(catalog: Catalog, now: Date, turn: NluTurn = {}): NluContext {
  const { business } = catalog;
  return contextOf(
    catalog,
    {
      timezone: business.timezone,
      locales: business.locales,
      defaultLocale: business.defaultLocale,
      services: catalog.services,
      staff: catalog.staff,
    },
    now,
    turn,
  );
}

/** The same context from a business file, as seeding would store it. */
export function nluContextOfFile(file: BusinessFile, now: Date, turn: NluTurn = {}): NluContext {
  return contextOf(
    file,
    {
      timezone: file.timezone,
      locales: file.locales ?? [file.locale],
      defaultLocale: file.locale,
      services: file.services,
      staff: file.staff,
    },
    now,
    turn,
  );
}
