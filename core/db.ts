import pg from 'pg';
import { DataSource, type EntitySchema, type MigrationInterface } from 'typeorm';
import type { Config } from './config';

/** What a database says about the deployment it belongs to (core/deployment.ts). */
export interface DeploymentRecord {
  id: string;
  databaseName: string;
  /** The name recorded before, when this database turned out to be a copy and got an id of its own. */
  copiedFrom: string | null;
}

export interface Schema {
  entities: EntitySchema[];
  migrations: (new () => MigrationInterface)[];
  /** Reads the database's deployment record, making it on the first start. */
  deployment(db: DataSource): Promise<DeploymentRecord>;
}

/**
 * Every statement this app prepares is written to run well under a generic plan (lookups by key,
 * per-row LATERAL lookups), and planning a webhook statement costs more than running it. Left to
 * choose, Postgres keeps planning the statements that take arrays for each call: a generic plan
 * assumes a hundred rows per array where a call has a few, so it never looks cheaper.
 */
const CONNECTION_OPTIONS = '-c plan_cache_mode=force_generic_plan';

export function createDataSource(config: Pick<Config, 'databaseUrl' | 'databasePoolSize'>, schema: Schema): DataSource {
  return new DataSource({
    type: 'postgres',
    // Given, not left to TypeORM's runtime require, so a bundle (the Lambda's) carries it.
    driver: pg,
    url: config.databaseUrl,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: false,
    extra: { max: config.databasePoolSize, application_name: 'textbook', options: CONNECTION_OPTIONS },
  });
}
