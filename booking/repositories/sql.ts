import type { DataSource, QueryRunner } from 'typeorm';

/** Raw SQL through TypeORM's runner: the hot paths and the exclusion constraint want exact SQL. */
export interface Sql {
  rows<T>(text: string, params?: unknown[]): Promise<T[]>;
}

function runnerSql(runner: QueryRunner): Sql {
  return { rows: async <T>(text: string, params?: unknown[]) => (await runner.query(text, params, true)).records as T[] };
}

/** Outside a transaction: each statement borrows a pooled connection. */
export function poolSql(db: DataSource): Sql {
  return {
    async rows<T>(text: string, params?: unknown[]) {
      const runner = db.createQueryRunner();
      try {
        return (await runner.query(text, params, true)).records as T[];
      } finally {
        await runner.release();
      }
    },
  };
}

export async function inTransaction<T>(db: DataSource, work: (tx: Sql) => Promise<T>): Promise<T> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    const result = await work(runnerSql(runner));
    await runner.commitTransaction();
    return result;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}

/** The SQLSTATE of a driver error, wrapped or not (TypeORM wraps pg's errors in QueryFailedError). */
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
