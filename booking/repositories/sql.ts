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
  // pg's pool stops listening for a client's errors while it is borrowed: a connection the server
  // drops between two statements (a restart, a failover) would be an unhandled 'error' event and
  // end the process. Heard here, the next statement fails and the release drops the client.
  let lost: Error | undefined;
  const onError = (error: Error) => {
    lost = error;
  };
  client.on('error', onError);
  return {
    client,
    release(broken) {
      client.off('error', onError);
      release(broken ?? lost);
    },
  };
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

/** Socket errors, and SQLSTATE classes 08 (connection exception) and 57P (the server going away). */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH']);

/**
 * Whether an error says the database could not be reached or went away mid-statement (stopped,
 * restarting, failing over), as opposed to refusing what was asked: the work may be tried again
 * once it is back.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  const code = sqlState(error);
  if (code && (UNREACHABLE_CODES.has(code) || code.startsWith('08') || code.startsWith('57P'))) return true;
  const message = (error as { message?: unknown })?.message;
  // pg's own wording when a connection ends or none comes in time.
  return typeof message === 'string' && /^Connection terminated|timeout exceeded when trying to connect/.test(message);
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
