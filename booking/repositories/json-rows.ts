/**
 * Many rows as one statement parameter: each row travels as a JSON object, the parameter is the
 * array of them, and the statement reads them back as a table, each column by name and with its
 * type (`jsonb_to_record`). A row shape is declared once, as column name → Postgres type (`?`
 * when it may be null); the SQL column list and the TypeScript type of a row both come from that
 * declaration, so they cannot drift apart, and no column depends on the position of another.
 *
 * An array rather than one JSON document (`jsonb_to_recordset`): under the generic plans the pool
 * uses (core/db.ts), Postgres assumes 10 elements for an array parameter and 100 rows for a
 * set-returning function, and at 100 it plans the statement's per-row lookups as hash joins over
 * whole tables: a receive read 20,000 customers to find one (6 ms instead of 0.05).
 */

/** The TypeScript value of each Postgres type a row column may have. */
interface ColumnValues {
  uuid: string;
  'uuid[]': string[];
  text: string;
  int: number;
  boolean: boolean;
  jsonb: unknown;
  timestamptz: Date;
}

type ColumnType = keyof ColumnValues | `${keyof ColumnValues}?`;

type ValueOf<T extends ColumnType> = T extends `${infer Base extends keyof ColumnValues}?`
  ? ColumnValues[Base] | null
  : T extends keyof ColumnValues
    ? ColumnValues[T]
    : never;

export type JsonRow<C extends Record<string, ColumnType>> = { [K in keyof C]: ValueOf<C[K]> };

export interface JsonRows<C extends Record<string, ColumnType>> {
  /** The rows as a table named `alias` with the declared columns, for a FROM clause. */
  from(param: string, alias: string): string;
  /** The rows as the statement's parameter. */
  param(rows: JsonRow<C>[]): string[];
}

export function jsonRows<const C extends Record<string, ColumnType>>(columns: C): JsonRows<C> {
  const list = Object.entries(columns)
    .map(([name, type]) => `${name} ${type.replace('?', '')}`)
    .join(', ');
  return {
    from: (param, alias) =>
      `unnest(${param}::jsonb[]) AS ${alias}_json (row) CROSS JOIN LATERAL jsonb_to_record(${alias}_json.row) AS ${alias} (${list})`,
    param: (rows) => rows.map((row) => JSON.stringify(row)),
  };
}
