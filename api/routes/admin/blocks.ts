import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AdminServices } from '../../../booking/admin';
import { signedIn } from '../../plugins/admin-session';
import { AppointmentList, BlockBody, BlocksQuery } from '../../schemas/admin/appointments';
import { AdminErrors, IdParams } from '../../schemas/admin/primitives';
import { AppointmentView } from '../../schemas/admin/views';

/** Time off: held under the same constraint as visits, so it can never be double-booked. */
export const blockRoutes: FastifyPluginAsyncTypebox<{ admin: AdminServices }> = async (app, { admin }) => {
  app.get(
    '/blocks',
    { schema: { querystring: BlocksQuery, response: { ...AdminErrors, 200: AppointmentList } } },
    async (request) => ({
      appointments: await admin.agenda.list(signedIn(request).businessId, {
        ...request.query,
        kind: 'block',
        statuses: ['booked'],
      }),
    }),
  );

  app.post(
    '/blocks',
    { schema: { body: BlockBody, response: { ...AdminErrors, 201: AppointmentView } } },
    async (request, reply) => {
      const { start, end, ...rest } = request.body;
      const block = await admin.frontDesk.block(signedIn(request), {
        ...rest,
        start: new Date(start),
        end: new Date(end),
      });
      return reply.code(201).send(block);
    },
  );

  app.delete(
    '/blocks/:id',
    { schema: { params: IdParams, response: { ...AdminErrors, 200: AppointmentView } } },
    async (request) => admin.frontDesk.unblock(signedIn(request), request.params.id),
  );
};
