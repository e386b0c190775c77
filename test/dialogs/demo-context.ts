import { join } from 'node:path';
import { type BusinessFile, readBusinessFile } from '../../booking/businesses/business-file';
import { type NluTurn, nluContextOfFile } from '../../bot/nlu-context';
import type { NluContext } from '../../dialogs/engine/types';

/** NLU contexts for the two demo businesses, built from their files as the seed would load them. */

const FILES = {
  edgar: join(__dirname, '..', '..', 'booking', 'businesses', 'demo', 'edgar.yaml'),
  'clinica-santiago': join(__dirname, '..', '..', 'booking', 'businesses', 'demo', 'clinica.yaml'),
} as const;

export type DemoBusiness = keyof typeof FILES;

const loaded = new Map<DemoBusiness, Promise<BusinessFile>>();

export function demoFile(business: DemoBusiness): Promise<BusinessFile> {
  let file = loaded.get(business);
  if (!file) {
    file = readBusinessFile(FILES[business]);
    loaded.set(business, file);
  }
  return file;
}

export async function demoContext(business: DemoBusiness, now: Date, turn: NluTurn = {}): Promise<NluContext> {
  return nluContextOfFile(await demoFile(business), now, turn);
}
