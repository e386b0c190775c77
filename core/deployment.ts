import { z } from 'zod';
import { ConfigError } from './config';
import type { DeploymentRecord } from './db';
import type { Redis } from './redis';

/**
 * Which database this process serves. Two deployments on one Redis (two shops' servers, a test
 * run next to a development server) must never share a key prefix: each would take the other's
 * jobs, look up appointments it does not have, and remove its schedules. So the prefix defaults
 * to one derived from the deployment id stored in the database, and the prefix's marker key in
 * Redis records which deployment claimed it: a second database on that prefix refuses to start.
 */
export interface Deployment {
  /** Random, stored in the database (booking/repositories/deployment.ts). */
  id: string;
  /** For people: "textbook on 127.0.0.1:5432". */
  database: string;
}

export function deploymentOf(record: DeploymentRecord, databaseUrl: string): Deployment {
  return { id: record.id, database: `${record.databaseName} on ${new URL(databaseUrl).host}` };
}

/** `textbook-<database name>-<first 8 hex of the id>`: readable, and different for every deployment. */
export function defaultRedisPrefix(record: Pick<DeploymentRecord, 'id' | 'databaseName'>): string {
  const name = record.databaseName.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 24);
  return `textbook-${name}-${record.id.replace(/-/g, '').slice(0, 8)}`;
}

const Marker = z.object({ id: z.string(), database: z.string() });

export function markerKey(prefix: string): string {
  return `${prefix}:deployment`;
}

/**
 * Claims `prefix` for this deployment, or refuses (a ConfigError naming both databases) when
 * another one holds it. The marker never expires: the jobs under a prefix outlive any process.
 */
export async function claimRedisPrefix(redis: Redis, prefix: string, deployment: Deployment): Promise<void> {
  const key = markerKey(prefix);
  await redis.set(key, JSON.stringify({ id: deployment.id, database: deployment.database }), 'NX');
  const stored = await redis.get(key);
  const owner = Marker.safeParse(safeJson(stored));
  if (owner.success && owner.data.id === deployment.id) return;
  const holder = owner.success
    ? `the database ${owner.data.database} (deployment ${owner.data.id})`
    : `something else (its key ${key} does not name a deployment)`;
  throw new ConfigError([
    `REDIS_PREFIX: the Redis prefix "${prefix}" belongs to ${holder}, not to this one, ${deployment.database} ` +
      `(deployment ${deployment.id}). Two deployments on one prefix take each other's jobs: give this one a ` +
      `REDIS_PREFIX of its own, or leave it unset for one derived from its database; if that other deployment ` +
      `is gone for good, delete the key ${key}.`,
  ]);
}

function safeJson(text: string | null): unknown {
  try {
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}
