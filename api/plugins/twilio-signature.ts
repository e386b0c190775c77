import type { FastifyReply, FastifyRequest } from 'fastify';
// The module alone, not the package's index (which pulls in the whole REST client): the Lambda's
// bundle stays small.
import { validateRequest } from 'twilio/lib/webhooks/webhooks';
import type { Config } from '../../core/config';

/**
 * Checks X-Twilio-Signature before anything else reads the request. The URL is rebuilt from
 * PUBLIC_BASE_URL (what Twilio called), not from what the app sees behind a proxy or tunnel.
 */
export function verifyTwilioSignature(config: Pick<Config, 'publicBaseUrl' | 'twilio'>) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const signature = request.headers['x-twilio-signature'];
    const params = request.body ?? {};
    const url = `${config.publicBaseUrl}${request.url}`;
    const valid =
      typeof signature === 'string' &&
      isForm(params) &&
      validateRequest(config.twilio.authToken, signature, url, params);
    if (!valid) {
      request.log.warn({ url }, 'rejected a webhook with a missing or wrong Twilio signature');
      await reply.code(403).type('text/plain').send('Forbidden');
    }
  };
}

/** What @fastify/formbody parsed, before the route's schema has looked at it. */
function isForm(body: unknown): body is Record<string, unknown> {
  return typeof body === 'object' && body !== null;
}
