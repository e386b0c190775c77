import type { Runtime } from '../core/runtime';
import type { BookingServices } from '../booking';
import type { DialogEngine } from '../dialogs/engine/types';
import { createDialogEngine } from '../dialogs/engine/create-engine';
import { Conversation } from './dialog/conversation';
import { InboundHandler } from './inbound-handler';
import { OwnerDesk } from './owner/owner-desk';
import { InboundRateLimiter } from './rate-limit';

export interface Bot {
  inbound: InboundHandler;
}

/** The conversation side, wired from the runtime; the engine is the configured one (Lex or local) unless given. */
export function createBot(
  runtime: Runtime,
  booking: BookingServices,
  engine: DialogEngine = createDialogEngine(runtime.config, runtime.log),
): Bot {
  const { config } = runtime;
  const limiter = new InboundRateLimiter(runtime.redis, { prefix: runtime.redisPrefix, ...config.inboundLimit });
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
    }),
  };
}
