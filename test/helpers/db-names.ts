/** Where tests find Postgres: TEST_DATABASE_URL names the server (its database part is ignored). */
const server = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');

export function urlFor(database: string): string {
  const url = new URL(server.toString());
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * One jest run's names. The global set-up picks the run id and passes it to the workers through
 * the environment, so two runs on one machine never drop each other's databases.
 */
export function runId(): string {
  const id = process.env.TEXTBOOK_TEST_RUN;
  if (!id) throw new Error('TEXTBOOK_TEST_RUN is not set: run tests through jest, whose global set-up sets it');
  return id;
}

export const ADMIN_URL = urlFor('postgres');
export const templateDb = () => `textbook_test_${runId()}_template`;
export const testDbPrefix = () => `textbook_test_${runId()}_f_`;
