import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import IORedis from 'ioredis';

const run = promisify(execFile);

/** A key prefix of this test file's own, so files share one Redis without seeing each other. */
export function testRedisPrefix(name: string): string {
  return `test-${name}-${randomBytes(4).toString('hex')}`;
}

export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new IORedis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A redis-server of the test's own on a spare port, nothing kept on disk, that the test can stop
 * and start again (to see what the app does while Redis is away).
 */
export class OwnRedis {
  private constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<OwnRedis> {
    const own = new OwnRedis(await freePort());
    await own.start();
    return own;
  }

  async start(): Promise<void> {
    await run('redis-server', [
      '--port',
      String(this.port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--daemonize',
      'yes',
    ]);
    for (let i = 0; i < 50; i++) {
      if (await this.ping()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`redis-server on port ${this.port} did not start`);
  }

  async stop(): Promise<void> {
    await run('redis-cli', ['-p', String(this.port), 'shutdown', 'nosave']).catch(() => undefined);
    for (let i = 0; i < 50 && (await this.ping()); i++) await new Promise((r) => setTimeout(r, 100));
  }

  /**
   * Holds every write command (the rate limiter's script among them) until `resume()`, as a Redis
   * that answers slowly would: the app's turns wait at the rate limit, mid-turn.
   */
  async holdWrites(): Promise<{ resume(): Promise<void> }> {
    await run('redis-cli', ['-p', String(this.port), 'client', 'pause', '60000', 'write']);
    return { resume: async () => void (await run('redis-cli', ['-p', String(this.port), 'client', 'unpause'])) };
  }

  private async ping(): Promise<boolean> {
    try {
      const { stdout } = await run('redis-cli', ['-p', String(this.port), 'ping']);
      return stdout.trim() === 'PONG';
    } catch {
      return false;
    }
  }
}
