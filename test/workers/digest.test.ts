import { getNextMillis, Queue } from 'bullmq';
import { DateTime } from 'luxon';
import { digestRepeat } from '../../workers/jobs/digest-schedules';
import { jobIds, QUEUES } from '../../workers/queues';
import { FAST, Harness, LA, laTime, type Shop } from './support/harness';

const OWNER = '+15550109999';
let h: Harness;
let shop: Shop;
let digest: Queue;

beforeAll(async () => {
  h = await Harness.create('digest', { now: '2026-10-30T07:00:00-07:00' });
  shop = await h.shop((f) => (f.settings = { ...f.settings, digestTime: '07:00' }));
  digest = new Queue(QUEUES.digest, { connection: { url: h.config.redisUrl }, prefix: h.runtime.redisPrefix });
});
afterAll(async () => {
  await digest.close();
  await h.close();
});

/** The next runs BullMQ's scheduler computes for this repeat, starting from `from`. */
function runsFrom(repeat: { pattern: string; tz: string }, from: string, count: number): string[] {
  const runs: string[] = [];
  let millis = Date.parse(from);
  for (let i = 0; i < count; i++) {
    millis = getNextMillis(millis, repeat)!;
    runs.push(DateTime.fromMillis(millis, { zone: repeat.tz }).toISO()!);
  }
  return runs;
}

describe("the owner's daily digest", () => {
  it('is scheduled at the local morning time on both sides of a DST change', () => {
    const la = digestRepeat({ digestTime: '07:00', timezone: LA });
    expect(runsFrom(la, '2026-10-31T12:00:00Z', 3)).toEqual([
      '2026-10-31T07:00:00.000-07:00',
      '2026-11-01T07:00:00.000-08:00',
      '2026-11-02T07:00:00.000-08:00',
    ]);
    expect(runsFrom(la, '2026-03-07T12:00:00Z', 2)).toEqual([
      '2026-03-07T07:00:00.000-08:00',
      '2026-03-08T07:00:00.000-07:00',
    ]);
    // Santiago moves its clocks at midnight: the morning digest is untouched either side.
    const scl = digestRepeat({ digestTime: '08:30', timezone: 'America/Santiago' });
    expect(runsFrom(scl, '2026-09-05T12:00:00Z', 2)).toEqual([
      '2026-09-05T08:30:00.000-04:00',
      '2026-09-06T08:30:00.000-03:00',
    ]);
  });

  it('has one job scheduler per business, in its zone, with the next run at its local morning', async () => {
    await h.start({ ...FAST, digests: true });
    const scheduler = await h.eventually(async () => {
      const found = await digest.getJobScheduler(jobIds.digestScheduler(shop.businessId));
      expect(found).toMatchObject({ pattern: '0 7 * * *', tz: LA });
      return found;
    });
    const next = DateTime.fromMillis(scheduler!.next!, { zone: LA });
    expect([next.hour, next.minute]).toEqual([7, 0]);
    expect(scheduler!.next! - Date.now()).toBeLessThanOrEqual(25 * 3_600_000);
  });

  it('lists the local day of a 25-hour DST day, in order, when its scheduled job runs', async () => {
    h.clock.set('2026-10-31T07:00:00-07:00');
    const admin = { kind: 'admin' as const, userId: 'desk' };
    const ana = await shop.customer('+15558000001', { name: 'Ana' });
    const bo = await shop.customer('+15558000002', { name: 'Bo' });
    const early = await shop.book(ana, laTime('2026-11-01T08:00'), { actor: admin });
    const late = await shop.book(bo, laTime('2026-11-01T16:00'), { actor: admin });
    await shop.book(ana, laTime('2026-10-31T16:00'), { actor: admin });
    await shop.book(bo, laTime('2026-11-02T08:00'), { actor: admin });
    await h.fake.waitFor(() => h.fake.to(OWNER).length >= 4);

    h.clock.set('2026-11-01T07:00:00-08:00');
    const scheduled = (await digest.getDelayed()).find(
      (j) => j.repeatJobKey === jobIds.digestScheduler(shop.businessId),
    );
    await scheduled!.promote();
    const [sent] = await h.fake.waitFor(() => h.fake.to(OWNER).length >= 5).then(() => h.fake.to(OWNER).slice(4));
    // The day as the owner's "today" lists it.
    expect(sent.form.Body).toBe(
      [
        'Test Shop, Sun Nov 1:',
        `8:00 AM ${early.reference} Oil change, Ana (booked)`,
        `4:00 PM ${late.reference} Oil change, Bo (booked)`,
        'Free: 8:45 AM-4:00 PM',
      ].join('\n'),
    );
    await h.eventually(async () =>
      expect(await h.messages(`purpose = 'digest'`)).toEqual([
        expect.objectContaining({ status: 'sent', toAddress: OWNER }),
      ]),
    );
  });

  it('follows a changed digest time when the schedules are synced', async () => {
    await h.query(`UPDATE business SET settings = jsonb_set(settings, '{digestTime}', '"06:30"') WHERE id = $1`, [
      shop.businessId,
    ]);
    await h.stop();
    await h.start({ ...FAST, digests: true });
    await h.eventually(async () =>
      expect(await digest.getJobScheduler(jobIds.digestScheduler(shop.businessId))).toMatchObject({
        pattern: '30 6 * * *',
        tz: LA,
      }),
    );
  });

  it('still schedules the other businesses, and keeps syncing, when one business has a digest time cron cannot hold', async () => {
    await h.stop();
    await digest.removeJobScheduler(jobIds.digestSync());
    const [a, b] = [await h.shop(), await h.shop()];
    // Stored before the business file refused it. Syncs go in id order: the bad one goes first.
    const [bad, good] = a.businessId < b.businessId ? [a, b] : [b, a];
    await h.query(`UPDATE business SET settings = jsonb_set(settings, '{digestTime}', '"24:00"') WHERE id = $1`, [
      bad.businessId,
    ]);
    await h.start({ ...FAST, digests: true });
    await h.eventually(async () => {
      expect(await digest.getJobScheduler(jobIds.digestScheduler(good.businessId))).toMatchObject({
        pattern: '0 7 * * *',
        tz: LA,
      });
      expect(await digest.getJobScheduler(jobIds.digestSync())).toBeTruthy();
    });
    expect(await digest.getJobScheduler(jobIds.digestScheduler(bad.businessId))).toBeUndefined();
  });
});
