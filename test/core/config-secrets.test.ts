import { createServer, type Server } from 'node:http';
import { ConfigError, loadConfig } from '../../core/config';
import { withSecrets } from '../../core/config-secrets';

/**
 * Secrets as Lambda reads them: from the AWS Parameters and Secrets Lambda Extension's endpoint
 * on localhost (its wire format: GET /secretsmanager/get?secretId=…, the session token in a
 * header, Secrets Manager's GetSecretValue JSON back), served here by a local stand-in.
 */
const SESSION_TOKEN = 'session-token-abc';
const SECRETS: Record<string, string> = {
  'arn:aws:secretsmanager:us-east-1:111111111111:secret:twilio-AbCdEf': 'twilio-auth-token-from-secrets',
  'arn:aws:secretsmanager:us-east-1:111111111111:secret:db-AbCdEf': JSON.stringify({
    username: 'textbook',
    password: 'p@ss/word:1',
    host: 'db.abc.us-east-1.rds.amazonaws.com',
    port: 5432,
    dbname: 'textbook',
    engine: 'postgres',
  }),
};
let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const secret = SECRETS[url.searchParams.get('secretId') ?? ''];
    if (url.pathname !== '/secretsmanager/get' || req.headers['x-aws-parameters-secrets-token'] !== SESSION_TOKEN) {
      res.writeHead(401).end();
    } else if (!secret) {
      res.writeHead(400).end('{"message":"Secrets Manager can\'t find the specified secret."}');
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ Name: 'x', SecretString: secret, VersionId: 'v1' }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const env = (arns: Record<string, string>) => ({
  AWS_SESSION_TOKEN: SESSION_TOKEN,
  PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(port),
  SECRET_ARNS: JSON.stringify(arns),
});

it('turns each secret into its setting, the RDS secret into a TLS database URL', async () => {
  const config = loadConfig(
    await withSecrets(
      env({
        TWILIO_AUTH_TOKEN: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:twilio-AbCdEf',
        DATABASE_SECRET: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:db-AbCdEf',
      }),
    ),
  );
  expect(config.twilio.authToken).toBe('twilio-auth-token-from-secrets');
  const url = new URL(config.databaseUrl);
  expect(url.host).toBe('db.abc.us-east-1.rds.amazonaws.com:5432');
  expect(decodeURIComponent(url.password)).toBe('p@ss/word:1');
  expect(url.pathname).toBe('/textbook');
  expect(url.searchParams.get('sslmode')).toBe('verify-full');
});

it('leaves the environment alone without SECRET_ARNS', async () => {
  const plain = { TWILIO_AUTH_TOKEN: 'plain-token-123' };
  expect(await withSecrets(plain)).toBe(plain);
});

it('names the setting whose secret cannot be read, and stops the start', async () => {
  const error = await withSecrets(env({ REDIS_PASSWORD: 'arn:aws:secretsmanager:us-east-1:1:secret:gone' })).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).problems).toEqual([
    'REDIS_PASSWORD: could not read its secret (the extension answered 400)',
  ]);
});

it('reports a malformed RDS secret without its contents', () => {
  expect(() => loadConfig({ DATABASE_SECRET: '{"username":"u","password":"hunter22"}' })).toThrow(
    'DATABASE_SECRET: expected host, port, dbname in the secret',
  );
  expect(() => loadConfig({ DATABASE_SECRET: '{"username":"u","password":"hunter22"}' })).not.toThrow(/hunter22/);
});
