import { appWithOwnRedis, Phone } from '../helpers/app';

/**
 * Redis holds only the rate limiter's counts on the webhook's path: with Redis away (a
 * redis-server of this test's own, stopped) customers are still answered, and every message stored.
 */
const { app, redis } = appWithOwnRedis('2026-11-23T09:00:00-08:00');

it('answers customers while Redis is down, and stores their messages', async () => {
  await redis().stop();
  const phones = ['+15551120001', '+15551120002', '+15551120003'].map((from) => new Phone(app(), from, '+15550100001'));
  const replies = await Promise.all(phones.map((phone) => phone.say('what are your hours?')));
  for (const reply of replies) expect(reply).toMatch(/is open Mon–Sat 8:00 AM–5:00 PM/);
  const [{ n }] = await app().runtime.db.query(
    `SELECT count(*)::int AS n FROM message WHERE direction = 'inbound' AND from_address = ANY($1)`,
    [phones.map((p) => p.from)],
  );
  expect(n).toBe(3);
});
