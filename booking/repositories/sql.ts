import { createHash } from 'node:crypto';
import type { PoolClient, QueryConfig } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Raw SQL on the DataSource's own pg pool: the hot paths and the exclusion constraint want exact
 * SQL, and named statements let each connection parse and plan a statement once instead of on
 * every message (the CTEs of a webhook turn cost more to plan than to run).
 */
export interface Sql {
  rows<T>(text: string, params?: unknown[]): Promise<T[]>;
}

const statementNames = new Map<string, string>();

function statement(text: string, values: unknown[] = []): QueryConfig {
  let name = statementNames.get(text);
  if (!name) {
    name = `tb_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return { name, text, values };
}

/** A connection of the DataSource's pool; `release(broken)` drops it instead of handing it on. */
export interface Connection {
  client: PoolClient;
  release(broken?: Error): void;
}

/**
 * Borrows a connection of the DataSource's own pool through the driver's public
 * `obtainMasterConnection` (what TypeORM's query runners call), so raw SQL and TypeORM share one
 * pool and its size. The Postgres driver resolves it to pg's client and its release callback.
 */
export async function obtainConnection(db: DataSource): Promise<Connection> {
  const [client, release]: [PoolClient, (broken?: Error) => void] = await db.driver.obtainMasterConnection();
  return { client, release };
}

function clientSql(client: PoolClient): Sql {
  return {
    rows: async <T>(text: string, params?: unknown[]) => (await client.query(statement(text, params))).rows as T[],
  };
}

/**
 * Outside a transaction: each statement borrows a pooled connection (one statement, one
 * transaction). Not `pool.query`: that closes the connection on any error, and a refused
 * booking (23P01) is an ordinary answer here, not a broken connection.
 */
export function poolSql(db: DataSource): Sql {
  return {
    async rows<T>(text: string, params?: unknown[]) {
      const { client, release } = await obtainConnection(db);
      try {
        return (await client.query(statement(text, params))).rows as T[];
      } finally {
        release();
      }
    },
  };
}

export async function inTransaction<T>(db: DataSource, work: (tx: Sql) => Promise<T>): Promise<T> {
  const { client, release } = await obtainConnection(db);
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(clientSql(client));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A connection that cannot even roll back is dropped rather than handed to the next caller.
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    release(broken);
  }
}

/** The SQLSTATE of a driver error, wrapped or not (TypeORM's own queries wrap pg's errors in QueryFailedError). */
export function sqlState(error: unknown): string | undefined {
  const e = error as { code?: string; driverError?: { code?: string } };
  return e?.driverError?.code ?? e?.code;
}

export function constraintOf(error: unknown): string | undefined {
  const e = error as { constraint?: string; driverError?: { constraint?: string } };
  return e?.driverError?.constraint ?? e?.constraint;
}

export const EXCLUSION_VIOLATION = '23P01';
export const UNIQUE_VIOLATION = '23505';
