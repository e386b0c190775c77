import { join } from 'node:path';
import type { Runtime } from '../core/runtime';
import type { BookingServices } from '../booking';
import { pendingMigrations } from '../booking/repositories/schema-migrations';
import type { DialogEngine } from '../dialogs/engine/types';
import { createDialogEngine } from '../dialogs/engine/create-engine';
import { Conversation } from './dialog/conversation';
import { InboundHandler } from './inbound-handler';
import { InboundSpool } from './inbound-spool';
import { OwnerDesk } from './owner/owner-desk';
import { InboundRateLimiter } from './rate-limit';

export interface Bot {
  inbound: InboundHandler;
}

export interface BotOptions {
  /** The dialog engine; the configured one (Lex or local) when not given. */
  engine?: DialogEngine;
  /** See InboundDeps. */
  redeliveryGraceMs?: number;
  replayEveryMs?: number;
}

/** The conversation side, wired from the runtime. */
export function createBot(runtime: Runtime, booking: BookingServices, options: BotOptions = {}): Bot {
  const { config } = runtime;
  const limiter = new InboundRateLimiter(runtime.redis, { prefix: runtime.redisPrefix, ...config.inboundLimit });
  const engine = options.engine ?? createDialogEngine(runtime.config, runtime.log);
  const conversation = new Conversation({ booking, engine });
  return {
    inbound: new InboundHandler({
      booking,
      conversation,
      owner: new OwnerDesk({ booking }),
      limiter,
      clock: runtime.clock,
      log: runtime.log,
      idleMinutes: config.dialogIdleMinutes,
      redeliveryGraceMs: options.redeliveryGraceMs,
      replayEveryMs: options.replayEveryMs,
      spool: new InboundSpool({
        redis: runtime.redis,
        prefix: runtime.redisPrefix,
        // One directory per deployment: a file left by a dead process is replayed only into its own.
        dir: join(config.inboundSpoolDir, runtime.redisPrefix),
        log: runtime.log,
      }),
      databaseReady: async () => (await pendingMigrations(runtime.db)).length === 0,
    }),
  };
}
