import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AdminServices } from '../../../booking/admin';
import { signedIn } from '../../plugins/admin-session';
import {
  AppointmentDetail,
  AppointmentList,
  CancelBody,
  ListQuery,
  MoveBody,
  SlotList,
  SlotsQuery,
  StatusBody,
  WalkInBody,
} from '../../schemas/admin/appointments';
import { AdminErrors, IdParams } from '../../schemas/admin/primitives';
import { AppointmentView } from '../../schemas/admin/views';

/** The calendar: days and weeks, one appointment in full, status changes, moves, cancels, walk-ins. */
export const appointmentRoutes: FastifyPluginAsyncTypebox<{ admin: AdminServices }> = async (app, { admin }) => {
  app.get(
    '/appointments',
    { schema: { querystring: ListQuery, response: { ...AdminErrors, 200: AppointmentList } } },
    async (request) => {
      const { status, ...filter } = request.query;
      return { appointments: await admin.agenda.list(signedIn(request).businessId, { ...filter, statuses: status }) };
    },
  );

  app.get(
    '/appointments/:id',
    { schema: { params: IdParams, response: { ...AdminErrors, 200: AppointmentDetail } } },
    async (request) => admin.agenda.detail(signedIn(request).businessId, request.params.id),
  );

  app.post(
    '/appointments',
    { schema: { body: WalkInBody, response: { ...AdminErrors, 201: AppointmentView } } },
    async (request, reply) => {
      const booked = await admin.frontDesk.walkIn(signedIn(request), {
        ...request.body,
        start: new Date(request.body.start),
      });
      return reply.code(201).send(booked);
    },
  );

  app.post(
    '/appointments/:id/status',
    { schema: { params: IdParams, body: StatusBody, response: { ...AdminErrors, 200: AppointmentView } } },
    async (request) =>
      admin.frontDesk.changeStatus(signedIn(request), request.params.id, request.body.status, request.body.version),
  );

  app.post(
    '/appointments/:id/move',
    { schema: { params: IdParams, body: MoveBody, response: { ...AdminErrors, 200: AppointmentView } } },
    async (request) =>
      admin.frontDesk.move(signedIn(request), request.params.id, {
        ...request.body,
        start: new Date(request.body.start),
      }),
  );

  app.post(
    '/appointments/:id/cancel',
    { schema: { params: IdParams, body: CancelBody, response: { ...AdminErrors, 200: AppointmentView } } },
    async (request) =>
      admin.frontDesk.cancel(signedIn(request), request.params.id, request.body.reason, request.body.version),
  );

  app.get(
    '/slots',
    { schema: { querystring: SlotsQuery, response: { ...AdminErrors, 200: SlotList } } },
    async (request) => ({
      slots: await admin.frontDesk.freeSlots(signedIn(request).businessId, request.query),
    }),
  );
};
