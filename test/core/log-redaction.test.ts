import { createLogger } from '../../core/logger';

/** What a log line keeps of what it was given, with personal data hidden (the default) and shown. */
function logOnce(personalData: 'hide' | 'show', fields: Record<string, unknown>, msg: string) {
  const lines: string[] = [];
  const log = createLogger(
    { logLevel: 'info', logPersonalData: personalData },
    { write: (l: string) => void lines.push(l) },
  );
  log.info(fields, msg);
  return JSON.parse(lines[0]);
}

const FIELDS = {
  to: 'whatsapp:+56912345678',
  body: 'Soy Ana, vivo en Los Aromos 123',
  customer: { name: 'Ana', details: { address: 'Los Aromos 123' } },
  config: { twilio: { authToken: 'tok-123456789' }, databaseUrl: 'postgres://u:pw@db/x' },
  err: Object.assign(
    new Error('connect to postgres://textbook:s3cret@db.internal:5432/textbook failed for +15551234567'),
    { detail: 'Failing row contains (7, Ana, Los Aromos 123).' },
  ),
  req: { url: '/calendar.ics?token=abcdef' },
};

it('hides personal data and secrets by default', () => {
  const line = logOnce(
    'hide',
    FIELDS,
    'sent to +15551234567, not 15557654321 (port 5432, 12 tries, request 550e8400-e29b-41d4-a716-446655440000)',
  );
  expect(line).toMatchObject({
    msg: 'sent to +…67, not …21 (port 5432, 12 tries, request 550e8400-e29b-41d4-a716-446655440000)',
    to: 'whatsapp:+…78',
    body: '[redacted]',
    customer: { name: '[redacted]', details: '[redacted]' },
    config: { twilio: { authToken: '[redacted]' }, databaseUrl: '[redacted]' },
    err: {
      message: 'connect to postgres://textbook:[redacted]@db.internal:5432/textbook failed for +…67',
      detail: '[redacted]',
    },
    req: { url: '/calendar.ics?…' },
  });
});

it('shows personal data when told to, never the secrets', () => {
  const line = logOnce('show', FIELDS, 'sent to +15551234567');
  expect(line).toMatchObject({
    msg: 'sent to +15551234567',
    to: 'whatsapp:+56912345678',
    body: 'Soy Ana, vivo en Los Aromos 123',
    config: { twilio: { authToken: '[redacted]' }, databaseUrl: '[redacted]' },
    err: { message: 'connect to postgres://textbook:[redacted]@db.internal:5432/textbook failed for +15551234567' },
    req: { url: '/calendar.ics?…' },
  });
});
