import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createDataSource } from '../../core/db';
import { bookingSchema } from '../../booking/db/schema';
import { freePort } from './redis';

const run = promisify(execFile);

/** The Debian package's server binaries; TEXTBOOK_PG_BIN overrides where they are. */
const BIN = process.env.TEXTBOOK_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/**
 * A Postgres server of the caller's own, on a spare port and a data directory under /tmp, run as
 * the `postgres` user (the server refuses root): a test or bench stops and starts it to see what
 * the app does while the database is away, and never touches the shared server.
 */
export class OwnPostgres {
  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(): Promise<OwnPostgres> {
    const dir = join('/tmp', `textbook-pg-${randomBytes(4).toString('hex')}`);
    await mkdir(dir, { mode: 0o700 });
    await run('chown', ['postgres:postgres', dir]);
    const own = new OwnPostgres(await freePort(), dir);
    await own.asPostgres('initdb', ['-D', own.dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    await own.start();
    return own;
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** A database on this server with every migration applied. */
  async createMigratedDatabase(name: string): Promise<string> {
    const admin = new Client({ connectionString: this.url() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const db = createDataSource({ databaseUrl: this.url(name), databasePoolSize: 1 }, bookingSchema);
    await db.initialize();
    await db.runMigrations();
    await db.destroy();
    return this.url(name);
  }

  async start(): Promise<void> {
    await this.asPostgres('pg_ctl', [
      '-D',
      this.dataDir,
      '-l',
      join(this.dir, 'server.log'),
      '-w',
      '-o',
      `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir} -c fsync=off -c full_page_writes=off`,
      'start',
    ]);
  }

  /** Stops at once, as a crash or a failover would: clients' connections are cut. */
  async stop(): Promise<void> {
    await this.asPostgres('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
  }

  async destroy(): Promise<void> {
    await this.asPostgres('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  private async asPostgres(binary: string, args: string[]): Promise<void> {
    await run('runuser', ['-u', 'postgres', '--', join(BIN, binary), ...args]);
  }
}
