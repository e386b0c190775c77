import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AdminServices } from '../../../booking/admin';
import { signedIn } from '../../plugins/admin-session';
import { HoursBody, NewServiceBody, ServiceBody } from '../../schemas/admin/catalog';
import { AdminErrors, IdParams } from '../../schemas/admin/primitives';
import { CatalogView } from '../../schemas/admin/views';

/** A price of null means "not priced", which the business file writes by leaving it out. */
const unpriced = <T extends { price?: number | null }>({ price, ...rest }: T) => ({
  ...rest,
  price: price ?? undefined,
});

/** Services and weekly hours, each edit carrying the catalog version it started from. */
export const catalogRoutes: FastifyPluginAsyncTypebox<{ admin: AdminServices }> = async (app, { admin }) => {
  const reply = { response: { ...AdminErrors, 200: CatalogView } };

  app.get('/catalog', { schema: reply }, async (request) => admin.catalog.view(signedIn(request).businessId));

  app.put('/catalog/services/:id', { schema: { ...reply, params: IdParams, body: ServiceBody } }, async (request) => {
    const { version, ...service } = request.body;
    return admin.catalog.updateService(signedIn(request), request.params.id, unpriced(service), version);
  });

  app.post('/catalog/services', { schema: { ...reply, body: NewServiceBody } }, async (request) => {
    const { version, ...service } = request.body;
    return admin.catalog.addService(signedIn(request), unpriced(service), version);
  });

  app.put('/catalog/hours', { schema: { ...reply, body: HoursBody } }, async (request) =>
    admin.catalog.setHours(signedIn(request), request.body.hours, request.body.version),
  );

  app.put('/catalog/staff/:id/hours', { schema: { ...reply, params: IdParams, body: HoursBody } }, async (request) =>
    admin.catalog.setStaffHours(signedIn(request), request.params.id, request.body.hours, request.body.version),
  );
};
