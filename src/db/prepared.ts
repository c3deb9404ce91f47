import { type Compilable, CompiledQuery, type Insertable, type Kysely, PostgresAdapter } from 'kysely';
import type { Db, Tx } from './database.js';
import type { Database } from './schema.js';

/** Where a named value goes in a prepared statement's parameters. */
class Slot {
  constructor(readonly name: string) {}
}

/**
 * A statement of one shape on the hot path (registration), built and compiled by the query builder
 * once per database dialect, then run with new values: building and compiling a statement costs
 * more than SQLite takes to run most of them (ADR 0014, amendment of 2026-12-05). `build` gets
 * placeholders for `values` and must give the same SQL whatever they are (no `in` lists, no
 * branches on them); the constants it writes keep their places.
 */
export function prepared<V extends object, R>(
  build: (db: Kysely<Database>, values: V) => Compilable<R>,
): (db: Db | Tx, values: V) => Promise<R[]> {
  const byDialect = new Map<unknown, { sql: string; parameters: readonly unknown[] }>();
  return async (db, values) => {
    const adapter = db.getExecutor().adapter.constructor;
    let statement = byDialect.get(adapter);
    if (!statement) {
      const slots = Object.fromEntries(Object.keys(values).map((k) => [k, new Slot(k)])) as V;
      const { sql, parameters } = build(db, slots).compile();
      statement = { sql, parameters };
      byDialect.set(adapter, statement);
    }
    const named = values as Record<string, unknown>;
    const parameters = statement.parameters.map((p) => (p instanceof Slot ? named[p.name] : p));
    return (await db.executeQuery<R>(CompiledQuery.raw(statement.sql, parameters))).rows;
  };
}

/** The SQL of `insertRow`, by dialect, table, columns and tail. */
const insertTexts = new Map<string, string>();

/**
 * One row into `table`, its SQL written without the query builder and kept for the next row with the
 * same columns; the columns are the row's defined ones, as the builder would take them. `tail`
 * follows the values (`on conflict …`, `returning …`), written for both databases.
 */
export async function insertRow<T extends keyof Database & string, R = never>(
  db: Db | Tx,
  table: T,
  row: Insertable<Database[T]>,
  tail = '',
): Promise<R | undefined> {
  const columns: string[] = [];
  const values: unknown[] = [];
  for (const [column, value] of Object.entries(row))
    if (value !== undefined) {
      columns.push(column);
      values.push(value);
    }
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const key = `${postgres}\u0000${table}\u0000${columns.join(',')}\u0000${tail}`;
  let text = insertTexts.get(key);
  if (text === undefined) {
    const names = columns.map((c) => `"${c}"`).join(', ');
    const places = columns.map((_, i) => (postgres ? `$${i + 1}` : '?')).join(', ');
    text = `insert into "${table}" (${names}) values (${places})${tail ? ` ${tail}` : ''}`;
    insertTexts.set(key, text);
  }
  return (await db.executeQuery<R>(CompiledQuery.raw(text, values))).rows[0];
}
