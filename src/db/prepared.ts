import { type Compilable, CompiledQuery, type Kysely } from 'kysely';
import { type Db, isPostgres, type Tx } from './database.js';
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
): Prepared<V, R> {
  const byDialect = new Map<unknown, { sql: string; parameters: readonly unknown[] }>();
  const statement = (db: Db | Tx, values: V): CompiledQuery<R> => {
    const adapter = db.getExecutor().adapter.constructor;
    let compiled = byDialect.get(adapter);
    if (!compiled) {
      const slots = Object.fromEntries(Object.keys(values).map((k) => [k, new Slot(k)])) as V;
      const { sql, parameters } = build(db, slots).compile();
      compiled = { sql, parameters };
      byDialect.set(adapter, compiled);
      if (isPostgres(db)) nameStatement(sql);
    }
    const named = values as Record<string, unknown>;
    const parameters = compiled.parameters.map((p) => (p instanceof Slot ? named[p.name] : p));
    return CompiledQuery.raw(compiled.sql, parameters) as CompiledQuery<R>;
  };
  const run = async (db: Db | Tx, values: V) => (await db.executeQuery(statement(db, values))).rows;
  return Object.assign(run, { statement });
}

/** A `prepared` statement: run it now, or take its SQL and values to run later (a `WriteBatch`). */
export interface Prepared<V, R> {
  (db: Db | Tx, values: V): Promise<R[]>;
  statement(db: Db | Tx, values: V): CompiledQuery<R>;
}

/**
 * Runs `query`, a statement run often whose SQL is the same whatever its values (no `in` list, no
 * branch on them): on PostgreSQL it is named, so each connection parses and plans it once (see
 * named-statements.ts). Built and compiled at every call, unlike `prepared`: for the reads of the
 * complaint page and the list's page, which take longer to plan than to run. The statement's plan must
 * not depend on its values (key look-ups), since PostgreSQL may keep one generic plan for all.
 */
export async function runFixed<R>(db: Db | Tx, query: Compilable<R>): Promise<R[]> {
  const compiled = query.compile();
  if (isPostgres(db)) nameStatement(compiled.sql);
  return (await db.executeQuery<R>(compiled)).rows;
}

/** `column in (…ids)`, on PostgreSQL `column = any($1)`: one statement whatever the number of ids (`runFixed`). */
export const inIds =
  (db: Db | Tx, column: string, ids: readonly number[]) =>
  // biome-ignore lint/suspicious/noExplicitAny: a column of whichever table the caller reads; its name is checked by the tests that run it.
  (eb: any) =>
    isPostgres(db) ? eb(column, '=', eb.fn.any(eb.val(ids))) : eb(column, 'in', ids);
