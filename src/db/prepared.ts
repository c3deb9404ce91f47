import { type Compilable, CompiledQuery, type Kysely, PostgresAdapter } from 'kysely';
import type { Db, Tx } from './database.js';
import { nameStatement } from './named-statements.js';
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
    const adapter = db.getExecutor().adapter;
    let statement = byDialect.get(adapter.constructor);
    if (!statement) {
      const slots = Object.fromEntries(Object.keys(values).map((k) => [k, new Slot(k)])) as V;
      const { sql, parameters } = build(db, slots).compile();
      statement = { sql, parameters };
      byDialect.set(adapter.constructor, statement);
      if (adapter instanceof PostgresAdapter) nameStatement(sql);
    }
    const named = values as Record<string, unknown>;
    const parameters = statement.parameters.map((p) => (p instanceof Slot ? named[p.name] : p));
    return (await db.executeQuery<R>(CompiledQuery.raw(statement.sql, parameters))).rows;
  };
}
