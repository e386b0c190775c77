import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AdminServices } from '../../../booking/admin';
import type { FeedLink } from '../../../booking/admin/calendar-feeds';
import { AdminErrors } from '../../schemas/admin/primitives';
import { signedIn } from '../../plugins/admin-session';
import { visitsCsv } from '../../formats/csv';
import { CsvText, FeedLinks, RangeQuery, RotateBody, StatsView } from '../../schemas/admin/reports';

/** Numbers for a day or a week, the CSV export, and the calendar feeds' secret addresses. */
export const reportRoutes: FastifyPluginAsyncTypebox<{ admin: AdminServices; publicBaseUrl: string }> = async (
  app,
  { admin, publicBaseUrl },
) => {
  const withUrls = (feeds: FeedLink[]) => ({
    feeds: feeds.map(({ staffId, name, token }) => ({ staffId, name, url: `${publicBaseUrl}/calendar/${token}.ics` })),
  });

  app.get(
    '/stats',
    { schema: { querystring: RangeQuery, response: { ...AdminErrors, 200: StatsView } } },
    async (request) => admin.stats.of(signedIn(request).businessId, request.query),
  );

  app.get(
    '/export.csv',
    { schema: { querystring: RangeQuery, response: { ...AdminErrors, 200: CsvText } } },
    async (request, reply) => {
      const { visits, timezone, locale } = await admin.agenda.export(signedIn(request).businessId, request.query);
      const name = `visits-${request.query.from}${request.query.to ? `-to-${request.query.to}` : ''}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(visitsCsv(visits, timezone, locale));
    },
  );

  app.get('/calendar-feeds', { schema: { response: { ...AdminErrors, 200: FeedLinks } } }, async (request) =>
    withUrls(await admin.feeds.links(signedIn(request).businessId)),
  );

  app.post(
    '/calendar-feeds/rotate',
    { schema: { body: RotateBody, response: { ...AdminErrors, 200: FeedLinks } } },
    async (request) => withUrls(await admin.feeds.rotate(signedIn(request), request.body.staffId)),
  );
};
