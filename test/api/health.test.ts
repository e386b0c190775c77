import { appWithOwnRedis } from '../helpers/app';

/** /health answers anyone: when a dependency fails it says which, never the driver's words. */
const { app, redis } = appWithOwnRedis('2026-11-23T09:00:00-08:00');

const health = async () => {
  const response = await fetch(`${app().baseUrl}/health`);
  return { status: response.status, body: await response.json() };
};

it('answers ok with the number of businesses', async () => {
  expect(await health()).toEqual({ status: 200, body: { status: 'ok', database: 'ok', redis: 'ok', businesses: 2 } });
});

it('names the failing database without its error message', async () => {
  await app().runtime.db.query('ALTER TABLE business RENAME TO business_unavailable');
  try {
    expect(await health()).toEqual({
      status: 503,
      body: { status: 'unavailable', database: 'unavailable', redis: 'ok', reason: 'database unavailable' },
    });
  } finally {
    await app().runtime.db.query('ALTER TABLE business_unavailable RENAME TO business');
  }
});

it('names a Redis that is down without its error message', async () => {
  await redis().stop();
  expect(await health()).toEqual({
    status: 503,
    body: { status: 'unavailable', database: 'ok', redis: 'unavailable', reason: 'redis unavailable' },
  });
});
