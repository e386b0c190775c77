import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AdminServices } from '../../../booking/admin';
import { signedIn } from '../../plugins/admin-session';
import {
  Conversation,
  CustomerDetail,
  CustomerList,
  ReplyBody,
  ReplyQueued,
  SearchQuery,
} from '../../schemas/admin/customers';
import { AdminErrors, IdParams } from '../../schemas/admin/primitives';

/** Customers by name or phone, one customer in full, their conversation. */
export const customerRoutes: FastifyPluginAsyncTypebox<{ admin: AdminServices }> = async (app, { admin }) => {
  app.get(
    '/customers',
    { schema: { querystring: SearchQuery, response: { ...AdminErrors, 200: CustomerList } } },
    async (request) => ({
      customers: await admin.customers.search(signedIn(request).businessId, request.query.q ?? ''),
    }),
  );

  app.get(
    '/customers/:id',
    { schema: { params: IdParams, response: { ...AdminErrors, 200: CustomerDetail } } },
    async (request) => admin.customers.detail(signedIn(request).businessId, request.params.id),
  );

  app.get(
    '/customers/:id/messages',
    { schema: { params: IdParams, response: { ...AdminErrors, 200: Conversation } } },
    async (request) => admin.customers.conversation(signedIn(request).businessId, request.params.id),
  );

  app.post(
    '/customers/:id/messages',
    { schema: { params: IdParams, body: ReplyBody, response: { ...AdminErrors, 202: ReplyQueued } } },
    async (request, reply) =>
      reply.code(202).send(await admin.customers.reply(signedIn(request), request.params.id, request.body.text)),
  );
};
