import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { findOrCreateCustomer } from '../../booking/repositories/customers';
import { APPOINTMENT_STATUSES } from '../../booking/statuses';
import { createBot } from '../../bot';
import { buildApp } from '../../api/app';
import { messageSid, Phone, postSigned, startTestApp, type TestApp } from '../helpers/app';

/**
 * Every route's errors go through api/plugins/error-handler.ts. The webhooks raise what they
 * can (a failed schema, an unknown number, a broken database); the appointment errors have no
 * route yet, so a route written as the admin routes will be (TypeBox schema, one service call)
 * raises them from the real booking service, in the real app.
 */
const EDGAR = '+15550100001';
const ADMIN = { kind: 'admin' as const, userId: 'front-desk' };
let t: TestApp;
let app: FastifyInstance;

const appointmentRoutes: FastifyPluginAsyncTypebox<{ t: TestApp }> = async (routes, { t }) => {
  routes.post(
    '/appointments/:id/status',
    {
      schema: {
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: Type.Object({ businessId: Type.String(), to: Type.Enum(APPOINTMENT_STATUSES), version: Type.Integer() }),
        response: { 200: Type.Object({ status: Type.String(), version: Type.Integer() }) },
      },
    },
    async (request) => {
      const { businessId, to, version } = request.body;
      const changed = await t.booking.appointments.changeStatus({
        businessId,
        appointmentId: request.params.id,
        to,
        expectedVersion: version,
        actor: ADMIN,
      });
      return { status: changed.status, version: changed.version };
    },
  );
  routes.post(
    '/blocks',
    {
      schema: {
        body: Type.Object({
          businessId: Type.String(),
          staffId: Type.String(),
          start: Type.String(),
          end: Type.String(),
        }),
      },
    },
    async (request) => {
      const { businessId, staffId, start, end } = request.body;
      await t.booking.appointments.block({
        businessId,
        staffId,
        start: new Date(start),
        end: new Date(end),
        actor: ADMIN,
      });
      return { ok: true };
    },
  );
  routes.post(
    '/messages',
    { schema: { body: Type.Object({ businessId: Type.String(), customerId: Type.String(), text: Type.String() }) } },
    async (request) => {
      const { businessId, customerId, text } = request.body;
      return t.booking.outbound.send({ businessId, recipient: { customerId }, text, origin: 'admin_reply' });
    },
  );
};

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-23T09:00:00-08:00' });
  app = await buildApp(t.runtime, { booking: t.booking, bot: createBot(t.runtime, t.booking) });
  await app.register(appointmentRoutes, { t });
});
afterAll(async () => {
  await app.close();
  await t.close();
});

async function bookedVisit() {
  const catalog = await t.booking.catalogs.bySlug('edgar');
  const customerId = (await findOrCreateCustomer(t.booking.sql, catalog.business.id, '+15551130001')).id;
  const booked = await t.booking.appointments.book({
    businessId: catalog.business.id,
    serviceId: catalog.services[0].id,
    customerId,
    start: new Date('2026-11-24T10:00:00-08:00'),
    channel: 'admin',
    actor: ADMIN,
  });
  if (!booked.ok) throw new Error('the visit could not be booked');
  return { catalog, visit: booked.appointment };
}

const changeStatus = (id: string, body: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: `/appointments/${id}/status`, payload: body });

describe('the error handler', () => {
  it('answers a form that fails its schema with 400 naming the field', async () => {
    const badSid = await postSigned(t, '/webhooks/twilio/messages', {
      MessageSid: 'not-a-sid',
      From: '+15551130002',
      To: EDGAR,
    });
    expect([badSid.status, JSON.parse(badSid.body)]).toEqual([
      400,
      { error: 'BAD_REQUEST', field: 'body.MessageSid', message: expect.stringContaining('MessageSid') },
    ]);
    const noFrom = await postSigned(t, '/webhooks/twilio/messages', { MessageSid: messageSid(), To: EDGAR });
    expect(JSON.parse(noFrom.body)).toMatchObject({ error: 'BAD_REQUEST', field: 'body.From' });
    const badStatus = await postSigned(t, '/webhooks/twilio/status', {
      MessageSid: messageSid(),
      MessageStatus: 'exploded',
    });
    expect([badStatus.status, JSON.parse(badStatus.body)]).toEqual([
      400,
      { error: 'BAD_REQUEST', field: 'body.MessageStatus', message: expect.any(String) },
    ]);
  });

  it('answers a number no business owns with 404 NOT_FOUND', async () => {
    const unknown = await new Phone(t, '+15551130003', '+15559999998').send('hello');
    expect([unknown.status, JSON.parse(unknown.body)]).toEqual([
      404,
      { error: 'NOT_FOUND', message: 'business number +15559999998 not found' },
    ]);
  });

  it("answers a failure of ours with 500 and none of the database's words", async () => {
    await t.runtime.db.query('ALTER FUNCTION record_delivery_status RENAME TO record_delivery_status_away');
    try {
      const failed = await postSigned(t, '/webhooks/twilio/status', {
        MessageSid: messageSid(),
        MessageStatus: 'delivered',
      });
      expect([failed.status, JSON.parse(failed.body)]).toEqual([
        500,
        { error: 'INTERNAL', message: 'Something went wrong on our side.' },
      ]);
    } finally {
      await t.runtime.db.query('ALTER FUNCTION record_delivery_status_away RENAME TO record_delivery_status');
    }
  });

  it('maps the appointment errors: stale version 409, refused transition 409, unknown 404, invalid 400', async () => {
    const { catalog, visit } = await bookedVisit();
    const businessId = catalog.business.id;
    const stale = await changeStatus(visit.id, { businessId, to: 'confirmed', version: visit.version + 1 });
    expect([stale.statusCode, stale.json()]).toEqual([409, { error: 'STALE_VERSION', message: expect.any(String) }]);

    const done = await changeStatus(visit.id, { businessId, to: 'completed', version: visit.version });
    expect([done.statusCode, done.json()]).toEqual([200, { status: 'completed', version: visit.version + 1 }]);
    const reopened = await changeStatus(visit.id, { businessId, to: 'booked', version: visit.version + 1 });
    expect([reopened.statusCode, reopened.json()]).toEqual([
      409,
      { error: 'INVALID_TRANSITION', message: 'an appointment that is completed cannot become booked' },
    ]);

    const missing = await changeStatus('00000000-0000-4000-8000-000000000000', {
      businessId,
      to: 'confirmed',
      version: 1,
    });
    expect([missing.statusCode, missing.json().error]).toEqual([404, 'NOT_FOUND']);
    const notAnId = await changeStatus('K7QM', { businessId, to: 'confirmed', version: 1 });
    expect([notAnId.statusCode, notAnId.json().field]).toEqual([400, 'params.id']);

    const backwards = await app.inject({
      method: 'POST',
      url: '/blocks',
      payload: {
        businessId,
        staffId: catalog.staff[0].id,
        start: '2026-11-24T15:00:00-08:00',
        end: '2026-11-24T13:00:00-08:00',
      },
    });
    expect([backwards.statusCode, backwards.json()]).toEqual([
      400,
      { error: 'INVALID_REQUEST', message: 'a block must end after it starts' },
    ]);
  });

  it('answers a message to a customer who opted out with 409 RECIPIENT_OPTED_OUT', async () => {
    const catalog = await t.booking.catalogs.bySlug('edgar');
    const customer = await findOrCreateCustomer(t.booking.sql, catalog.business.id, '+15551130009');
    await t.runtime.db.query('UPDATE customer SET opted_out_at = now() WHERE id = $1', [customer.id]);
    const refused = await app.inject({
      method: 'POST',
      url: '/messages',
      payload: { businessId: catalog.business.id, customerId: customer.id, text: 'Still coming?' },
    });
    expect([refused.statusCode, refused.json()]).toEqual([
      409,
      { error: 'RECIPIENT_OPTED_OUT', message: expect.stringContaining('opted out') },
    ]);
  });
});
