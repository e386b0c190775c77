import type { Runtime } from '../core/runtime';
import { createBookingServices } from '../booking';
import { createBot } from '../bot';
import type { AppServices } from './app';

/** The services every HTTP entry point (one box, server, Lambda) hands to buildApp. */
export function createAppServices(runtime: Runtime): AppServices {
  const booking = createBookingServices(runtime.db, runtime.clock);
  return { booking, bot: createBot(runtime, booking) };
}
