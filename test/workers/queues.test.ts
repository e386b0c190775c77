import { messageIdFor } from '../../workers/compose/message-id';
import { jobIds } from '../../workers/queues';
import { defaultSendRate } from '../../workers/senders/send-rates';

describe('job ids', () => {
  it('are deterministic and free of the ":" BullMQ refuses', () => {
    const id = '0b7c6f8e-1d2a-4c3b-9e8f-123456789abc';
    const all = [
      jobIds.outbox('42'),
      jobIds.reminder(id, 1440, 3),
      jobIds.reminder(id, 0.05, 1),
      jobIds.send(id),
      jobIds.digestScheduler(id),
      jobIds.digestSync(),
    ];
    for (const jobId of all) expect(jobId).not.toContain(':');
    expect(jobIds.reminder(id, 120, 2)).toBe(jobIds.reminder(id, 120, 2));
    expect(jobIds.reminder(id, 120, 2)).not.toBe(jobIds.reminder(id, 120, 3));
  });

  it('give each composed message one row id, a valid UUID, whoever composes it', () => {
    const key = 'reminder/0b7c6f8e-1d2a-4c3b-9e8f-123456789abc/120/2026-11-24T18:00:00.000Z';
    expect(messageIdFor(key)).toBe(messageIdFor(key));
    expect(messageIdFor(key)).not.toBe(messageIdFor(`${key}x`));
    expect(messageIdFor(key)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('default sending rates (Twilio’s per-sender limits)', () => {
  it.each([
    ['+15550100001', 1],
    ['+18005550100', 3],
    ['whatsapp:+56920000001', 10],
    ['72345', 30],
    ['+56920000001', 10],
  ])('%s: %d a second', (from, rate) => {
    expect(defaultSendRate(from)).toBe(rate);
  });
});
