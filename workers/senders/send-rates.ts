/**
 * Messages per second a sending number may be given (Twilio's messaging throughput limits): Twilio
 * queues what is sent faster and eventually drops it, so we pace ourselves instead.
 */
const US_TOLL_FREE = /^\+1(800|833|844|855|866|877|888)\d{7}$/;

export function defaultSendRate(from: string): number {
  if (from.startsWith('whatsapp:')) return 10;
  if (from.startsWith('MG')) return 10; // a messaging service spreads over its pool of numbers
  if (/^\d{5,6}$/.test(from)) return 30; // short code
  if (US_TOLL_FREE.test(from)) return 3;
  if (from.startsWith('+1')) return 1; // US/Canada long code
  return 10;
}

/** No pacing at all: for benchmarks against a fake server. */
export const UNLIMITED = Number.POSITIVE_INFINITY;
