import type { BookingServices } from '../booking';
import type { RouteGroup } from './create-app';
import { adminApi } from './routes/admin';
import { adminPageRoutes } from './routes/admin-page';
import { calendarFeedRoutes } from './routes/calendar-feed';

/** The admin side: its API, the page (from `pageDir` when given) and the calendar feeds. */
export function adminRoutes(booking: BookingServices, pageDir?: string): RouteGroup {
  return async (app, runtime) => {
    await app.register(adminApi, { prefix: '/api/admin', runtime, admin: booking.admin });
    await app.register(adminPageRoutes, { publicBaseUrl: runtime.config.publicBaseUrl, root: pageDir });
    await app.register(calendarFeedRoutes, { feeds: booking.admin.feeds, clock: runtime.clock });
  };
}
