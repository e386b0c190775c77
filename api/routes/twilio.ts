import formbody from '@fastify/formbody';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Runtime } from '../../core/runtime';
import type { BookingServices } from '../../booking';
import { NotFound } from '../../booking/errors';
import type { Bot } from '../../bot';
import { inboundFromForm } from '../../bot/twilio/inbound-message';
import { twimlReply } from '../../bot/twilio/twiml';
import { verifyTwilioSignature } from '../plugins/twilio-signature';
import { InboundMessageSchema, StatusCallbackSchema } from '../schemas/twilio';

/** Twilio's webhooks: inbound messages answered inline with TwiML, and delivery statuses. */
export const twilioRoutes: FastifyPluginAsyncTypebox<{ runtime: Runtime; booking: BookingServices; bot: Bot }> = async (
  app,
  { runtime, booking, bot },
) => {
  // Twilio posts forms only: JSON, text or multipart bodies get 415 here, never a parser that hands
  // the signature check and the schema something other than a form.
  app.removeAllContentTypeParsers();
  await app.register(formbody);
  app.addHook('preValidation', verifyTwilioSignature(runtime.config));
  // Messages kept while Postgres was away are answered once it is back, by whichever instance runs.
  app.addHook('onReady', async () => bot.inbound.held.start());
  app.addHook('onClose', () => bot.inbound.held.stop());

  app.post('/webhooks/twilio/messages', { schema: InboundMessageSchema }, async (request, reply) => {
    const message = inboundFromForm(request.body);
    const result = await bot.inbound.handle(message);
    if (result.kind === 'unknown_business') {
      request.log.warn({ to: message.to, sid: message.sid }, 'message to a number no business owns');
      throw new NotFound('business number', message.to);
    }
    return reply.type('text/xml').send(twimlReply(result.body));
  });

  app.post('/webhooks/twilio/status', { schema: StatusCallbackSchema }, async (request, reply) => {
    const { MessageSid, MessageStatus, ErrorCode } = request.body;
    const callback = {
      providerSid: MessageSid,
      status: MessageStatus,
      errorCode: ErrorCode ? Number(ErrorCode) : null,
    };
    const outcome = await booking.deliveryStatus.record(callback);
    if (outcome === 'ignored')
      request.log.info({ sid: MessageSid, status: MessageStatus }, 'status older than the one recorded');
    if (outcome === 'kept')
      request.log.info(
        { sid: MessageSid, status: MessageStatus },
        'status for a SID not stored yet: kept for the sender',
      );
    return reply.code(204).send(null);
  });
};
