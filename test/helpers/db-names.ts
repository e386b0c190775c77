/** Where tests find Postgres: TEST_DATABASE_URL names the server (its database part is ignored). */
const server = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');

export function urlFor(database: string): string {
  const url = new URL(server.toString());
  url.pathname = `/${database}`;
  return url.toString();
}

export const ADMIN_URL = urlFor('postgres');
export const TEMPLATE_DB = 'textbook_test_template';
export const TEST_DB_PREFIX = 'textbook_test_f_';
