import type { Locale } from '../../core/locale';

/**
 * What the generator needs of each business: its services and staff with their words. A parsed
 * business file (booking/businesses/business-file.ts) has this shape, so it can be passed as is;
 * dialogs/ does not read the files itself.
 */
export interface LexCatalog {
  readonly slug: string;
  readonly services: readonly {
    readonly key: string;
    readonly names: Partial<Record<Locale, string>>;
    readonly synonyms: Partial<Record<Locale, readonly string[]>>;
    readonly active?: boolean;
  }[];
  readonly staff: readonly {
    readonly key: string;
    readonly name: string;
    readonly aliases: readonly string[];
    readonly active?: boolean;
  }[];
}

export interface LexBotInput {
  readonly businesses: readonly LexCatalog[];
}
