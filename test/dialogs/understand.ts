import type { NluTurn } from '../../bot/nlu-context';
import { understandLocally } from '../../dialogs/engine/local';
import type { Understanding } from '../../dialogs/engine/types';
import { type DemoBusiness, demoContext } from './demo-context';

/** Mondays at 10:00 local time: Edgar in Los Angeles (PST), the clinic in Santiago (summer time). */
export const MONDAY = { edgar: '2026-11-23T10:00:00-08:00', 'clinica-santiago': '2026-11-23T10:00:00-03:00' } as const;

/** What the local engine makes of one message for a demo business. */
export async function understand(
  text: string,
  options: { business?: DemoBusiness; now?: string; turn?: NluTurn } = {},
): Promise<Understanding> {
  const business = options.business ?? 'edgar';
  const context = await demoContext(business, new Date(options.now ?? MONDAY[business]), options.turn);
  return understandLocally(text, context);
}
