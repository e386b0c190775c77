import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../core/db';
import { bookingSchema } from '../booking/db/schema';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function urlFor(name: string): string {
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A freshly created and migrated database for one benchmark run. */
export async function freshDatabase(
  name: string,
  poolSize: number,
): Promise<{ db: DataSource; url: string; drop(): Promise<void> }> {
  const admin = new Client({ connectionString: urlFor('postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const db = createDataSource({ databaseUrl: urlFor(name), databasePoolSize: poolSize }, bookingSchema);
  await db.initialize();
  await db.runMigrations();
  return {
    db,
    url: urlFor(name),
    async drop() {
      if (db.isInitialized) await db.destroy();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Runs `clients` loops of `op` for `seconds`; returns how many ops finished and the latencies. */
export async function drive(
  clients: number,
  seconds: number,
  op: (client: number, iteration: number) => Promise<unknown>,
): Promise<{ ops: number; seconds: number; latenciesMs: number[] }> {
  const deadline = performance.now() + seconds * 1000;
  const latenciesMs: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const t0 = performance.now();
        await op(client, i);
        latenciesMs.push(performance.now() - t0);
      }
    }),
  );
  return { ops: latenciesMs.length, seconds: (performance.now() - started) / 1000, latenciesMs };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export function report(line: Record<string, unknown>): void {
  console.log(JSON.stringify(line));
}
