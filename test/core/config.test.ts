import { ConfigError, DEV_TWILIO_AUTH_TOKEN, loadConfig } from '../../core/config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadConfig', () => {
  it('gives a working local set-up with no variables at all', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/textbook');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.publicBaseUrl).toBe('http://localhost:3000');
    expect(config.twilio.authToken).toBe(DEV_TWILIO_AUTH_TOKEN);
    expect(config.twilio.canSend).toBe(false);
    expect(config.lex).toBeUndefined();
    expect(Object.isFrozen(config.twilio)).toBe(true);
  });

  it('refuses the public development token on an address the network can reach', () => {
    expect(problemsOf({ HOST: '0.0.0.0' })).toEqual([expect.stringMatching(/^TWILIO_AUTH_TOKEN: .*HOST=0\.0\.0\.0/)]);
    expect(problemsOf({ HOST: '::', TWILIO_AUTH_TOKEN: DEV_TWILIO_AUTH_TOKEN })).toHaveLength(1);
    expect(loadConfig({ HOST: '0.0.0.0', TWILIO_AUTH_TOKEN: 'a-token-of-my-own' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: 'localhost' }).twilio.authToken).toBe(DEV_TWILIO_AUTH_TOKEN);
  });

  it('reads and converts the values it is given', () => {
    const config = loadConfig({
      PORT: '8080',
      PUBLIC_BASE_URL: 'https://bot.example.com/',
      TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: 'secret-token-1',
      LEX_REGION: 'us-east-1',
      LEX_BOT_ID: 'ABCDEFGHIJ',
      LEX_BOT_ALIAS_ID: 'TSTALIASID',
    });
    expect(config.port).toBe(8080);
    expect(config.publicBaseUrl).toBe('https://bot.example.com');
    expect(config.twilio.canSend).toBe(true);
    expect(config.lex).toEqual({
      region: 'us-east-1',
      botId: 'ABCDEFGHIJ',
      botAliasId: 'TSTALIASID',
      endpoint: undefined,
    });
  });

  it('names each bad variable and what it expected', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x/y',
      LOG_LEVEL: 'loud',
      TWILIO_ACCOUNT_SID: 'XX123',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT: expected a port number/),
        expect.stringMatching(/^DATABASE_URL: expected a URL starting with postgres: or postgresql:/),
        expect.stringMatching(/^LOG_LEVEL: expected fatal, error/),
        expect.stringMatching(/^TWILIO_ACCOUNT_SID: expected AC followed by 32 hex digits/),
      ]),
    );
  });

  it('leaves the Redis prefix to the database unless REDIS_PREFIX names one', () => {
    expect(loadConfig({}).redisPrefix).toBeUndefined();
    expect(loadConfig({ REDIS_PREFIX: 'shop-one' }).redisPrefix).toBe('shop-one');
    expect(problemsOf({ REDIS_PREFIX: 'a:b' })).toEqual([expect.stringMatching(/^REDIS_PREFIX: expected letters/)]);
  });

  it('wants all of the Lex settings or none', () => {
    expect(problemsOf({ LEX_BOT_ID: 'ABCDEFGHIJ' })).toEqual([
      expect.stringMatching(/^LEX_REGION, LEX_BOT_ID, LEX_BOT_ALIAS_ID: expected all three/),
    ]);
  });

  it('refuses the development defaults in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^TWILIO_AUTH_TOKEN: .*production/),
        expect.stringMatching(/^TWILIO_ACCOUNT_SID: .*production/),
        expect.stringMatching(/^PUBLIC_BASE_URL: expected an https/),
        expect.stringMatching(/^SESSION_SECRET: .*development default is refused/),
      ]),
    );
    expect(problemsOf({ NODE_ENV: 'production', LOG_PERSONAL_DATA: 'show' })).toContain(
      'LOG_PERSONAL_DATA: expected hide in production',
    );
    expect(
      problemsOf({
        NODE_ENV: 'production',
        TWILIO_AUTH_TOKEN: DEV_TWILIO_AUTH_TOKEN,
        TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`,
        PUBLIC_BASE_URL: 'https://x.example',
        SESSION_SECRET: 'a-production-secret-of-32-characters',
      }),
    ).toEqual([expect.stringMatching(/^TWILIO_AUTH_TOKEN: .*development default is refused/)]);
  });

  it('does not load the demo businesses in production', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      TWILIO_AUTH_TOKEN: 'real-token-123',
      TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`,
      PUBLIC_BASE_URL: 'https://x.example',
      SESSION_SECRET: 'a-production-secret-of-32-characters',
    });
    expect(config.seedDemo).toBe(false);
    expect(loadConfig({}).seedDemo).toBe(true);
  });

  it('trusts no proxy unless told which, by address, range or hop count', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.10,::1,fd00::/8,loopback' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '192.168.1.10',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
    for (const value of ['true', '0', '10.0.0.0/33', 'proxy.example.com', '10.0.0.1,', '10.0.0.0/8/8']) {
      expect([value, problemsOf({ TRUST_PROXY: value })]).toEqual([
        value,
        [expect.stringMatching(/^TRUST_PROXY: expected a hop count, or proxy addresses/)],
      ]);
    }
  });
});
