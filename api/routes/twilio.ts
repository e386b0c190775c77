import formbody from '@fastify/formbody';
import type { FastifyPluginAsync } from 'fastify';
import MessagingResponse from 'twilio/lib/twiml/MessagingResponse';
import type { Runtime } from '../../core/runtime';
import { recordStatusCallback } from '../../booking/repositories/delivery-status';
import { poolSql } from '../../booking/repositories/sql';
import type { Bot } from '../../bot';
import { inboundFromForm, type TwilioForm } from '../../bot/twilio/inbound-message';
import { verifyTwilioSignature } from '../plugins/twilio-signature';
import { inboundMessageBody, statusCallbackBody } from '../schemas/twilio';

/** Twilio's webhooks: inbound messages answered inline with TwiML, and delivery statuses. */
export const twilioRoutes: FastifyPluginAsync<{ runtime: Runtime; bot: Bot }> = async (app, { runtime, bot }) => {
  await app.register(formbody);
  app.addHook('preValidation', verifyTwilioSignature(runtime.config));

  app.post('/webhooks/twilio/messages', { schema: { body: inboundMessageBody } }, async (request, reply) => {
    const message = inboundFromForm(request.body as TwilioForm);
    const result = await bot.inbound.handle(message);
    if (result.kind === 'unknown_business') {
      request.log.warn({ to: message.to, sid: message.sid }, 'message to a number no business owns');
      return reply.code(404).type('text/plain').send(`No business answers at ${message.to}`);
    }
    const twiml = new MessagingResponse();
    if (result.body) twiml.message(result.body);
    return reply.type('text/xml').send(twiml.toString());
  });

  app.post('/webhooks/twilio/status', { schema: { body: statusCallbackBody } }, async (request, reply) => {
    const form = request.body as TwilioForm;
    const callback = {
      providerSid: form.MessageSid!,
      status: form.MessageStatus!,
      errorCode: form.ErrorCode ? Number(form.ErrorCode) : null,
    };
    const outcome = await recordStatusCallback(poolSql(runtime.db), callback, runtime.clock.now());
    if (outcome === 'ignored')
      request.log.info({ sid: callback.providerSid, status: callback.status }, 'status older than the one recorded');
    if (outcome === 'kept')
      request.log.info(
        { sid: callback.providerSid, status: callback.status },
        'status for a SID not stored yet: kept for the sender',
      );
    return reply.code(204).send();
  });
};
