import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Clock } from '../../core/clock';
import type { CalendarFeeds } from '../../booking/admin/calendar-feeds';
import { calendarIcs } from '../formats/ics';
import { FeedParams, IcsText } from '../schemas/admin/reports';
import { ErrorReply } from '../schemas/error-reply';

/**
 * The calendar feed a phone subscribes to: no session (calendar apps cannot sign in), the secret
 * token in the address is the key. An unknown or rotated token gets the same 404 as any path.
 */
export const calendarFeedRoutes: FastifyPluginAsyncTypebox<{ feeds: CalendarFeeds; clock: Clock }> = async (
  app,
  { feeds, clock },
) => {
  app.get(
    '/calendar/:file',
    { schema: { params: FeedParams, response: { 200: IcsText, 404: ErrorReply } } },
    async (request, reply) => {
      const token = /^([A-Za-z0-9_-]{32,64})\.ics$/.exec(request.params.file)?.[1];
      const feed = token ? await feeds.feed(token) : null;
      if (!feed) return reply.code(404).send({ error: 'NOT_FOUND', message: 'No calendar at this address.' });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(calendarIcs(feed, clock.now()));
    },
  );
};
