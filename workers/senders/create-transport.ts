import type { Config } from '../../core/config';
import { OfflineTransport } from './offline-transport';
import type { Transport } from './transport';
import { TwilioTransport } from './twilio-transport';

export function createTransport(config: Pick<Config, 'twilio' | 'publicBaseUrl'>): Transport {
  return config.twilio.canSend ? new TwilioTransport(config) : new OfflineTransport();
}
