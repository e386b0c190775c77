import type { Config } from '../../core/config';
import { createDataSource } from '../../core/db';
import { bookingSchema } from './schema';

/** Applies the pending migrations, each in its own transaction; returns their names. */
export async function migrate(config: Pick<Config, 'databaseUrl' | 'databasePoolSize'>): Promise<string[]> {
  const db = createDataSource(config, bookingSchema);
  await db.initialize();
  try {
    const applied = await db.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await db.destroy();
  }
}
