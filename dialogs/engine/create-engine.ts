import type { Config } from '../../core/config';
import type { Logger } from '../../core/logger';
import { createLexEngine, type LexEngineOptions } from './lex';
import { createLocalEngine } from './local';
import type { DialogEngine } from './types';

/**
 * The engine a deployment runs: Lex V2 when LEX_REGION, LEX_BOT_ID and LEX_BOT_ALIAS_ID are set
 * (core/config.ts takes all three or none), else the local engine. Tests may add credentials and
 * shorter limits; everything else is as in production.
 */
export function createDialogEngine(
  config: Pick<Config, 'lex'>,
  log: Logger,
  overrides: Partial<Omit<LexEngineOptions, 'log' | 'region' | 'botId' | 'botAliasId'>> = {},
): DialogEngine {
  return config.lex ? createLexEngine({ ...config.lex, log, ...overrides }) : createLocalEngine();
}
