import type { BookingServices } from '../booking';
import type { Bot } from '../bot';
import type { RouteGroup } from './create-app';
import { twilioRoutes } from './routes/twilio';

/** Twilio's webhooks: inbound messages answered by the bot, delivery statuses. */
export function webhookRoutes(services: { booking: BookingServices; bot: Bot }): RouteGroup {
  return async (app, runtime) => {
    await app.register(twilioRoutes, { runtime, booking: services.booking, bot: services.bot });
  };
}
