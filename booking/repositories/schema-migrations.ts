import type { DataSource } from 'typeorm';

/**
 * The app's migrations the database has not applied, by name (readiness: new code must not serve
 * an old schema). Fails when the migrations table is missing, which is as not ready as it gets.
 */
export async function pendingMigrations(db: DataSource): Promise<string[]> {
  const rows: { name: string }[] = await db.query('SELECT name FROM schema_migrations');
  const applied = new Set(rows.map((r) => r.name));
  return db.migrations.map((m) => m.name ?? m.constructor.name).filter((name) => !applied.has(name));
}
