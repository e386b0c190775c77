import type { DestinationStream } from 'pino';
import type { BotOptions } from '../../bot';
import { type RunningWorkers, startWorkers } from '../../workers/start';
import { FAST } from '../workers/support/harness';
import { AUTH_TOKEN, BEHIND_TLS_PROXY, startTestApp, type TestApp } from './app';
import { FakeTwilio } from './fake-twilio';

export const ACCOUNT_SID = `AC${'7'.repeat(32)}`;

export interface AppWithWorkers {
  t: TestApp;
  twilio: FakeTwilio;
  close(): Promise<void>;
}

/**
 * The whole one box: the app with the demo businesses and the real workers, sending through the
 * twilio library to a fake Twilio server of this test's own.
 */
export async function startAppWithWorkers(
  now: string,
  options: { env?: Record<string, string>; bot?: Omit<BotOptions, 'engine'>; logTo?: DestinationStream } = {},
): Promise<AppWithWorkers> {
  const twilio = await FakeTwilio.start(ACCOUNT_SID, AUTH_TOKEN);
  const t = await startTestApp({
    now,
    env: { ...BEHIND_TLS_PROXY, TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_API_URL: twilio.url, ...options.env },
    bot: options.bot,
    logTo: options.logTo,
  });
  const workers: RunningWorkers = await startWorkers(t.runtime, FAST);
  return {
    t,
    twilio,
    async close() {
      await workers.close();
      await t.close();
      await twilio.close();
    },
  };
}
