import type { DialogEngine } from '../types';
import { understandLocally } from './understand';

/** The default engine: no network, deterministic, fast enough to run on every message. */
export function createLocalEngine(): DialogEngine {
  return { understand: async (text, context) => understandLocally(text, context) };
}

export { understandLocally };
