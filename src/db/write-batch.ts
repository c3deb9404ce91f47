import { CompiledQuery, type Insertable } from 'kysely';
import { rowInsert, rowsInserts } from './batches.js';
import { isPostgres, type Tx } from './database.js';
import { nameStatement } from './named-statements.js';
import type { Database } from './schema.js';

/** `$1`, `$12`: a bound parameter of a PostgreSQL statement. */
const PARAMETER = /\$(\d+)/g;

/**
 * Writes of one transaction that nothing reads back before `flush` (registration's rows after the
 * complaint's own: its deadlines, classification, first event and search row). On PostgreSQL `flush`
 * sends them as one statement, each a data-modifying part of its WITH, where each was a round trip
 * of its own: a socket write, a wake-up of the server and an answer to parse (ADR 0014, amendment of
 * 2026-12-06). On SQLite, which has no round trip to save, they run one after another. The parts see
 * the database as it was before the statement, not each other's rows: none may depend on another.
 * Their SQL must write its parameters as `$n` and hold no `$` digit sequence in a literal.
 */
export class WriteBatch {
  private writes: CompiledQuery[] = [];

  constructor(readonly tx: Tx) {}

  add(...writes: CompiledQuery[]): void {
    this.writes.push(...writes);
  }

  insertRow<T extends keyof Database & string>(table: T, row: Insertable<Database[T]>, tail = ''): void {
    this.add(rowInsert(this.tx, table, row, tail));
  }

  insertRows<T extends keyof Database & string>(
    table: T,
    rows: ReadonlyArray<Insertable<Database[T]>>,
    tail = '',
  ): void {
    this.add(...rowsInserts(this.tx, table, rows, tail));
  }

  /** Runs the writes added since the last flush. */
  async flush(): Promise<void> {
    const writes = this.writes;
    this.writes = [];
    if (writes.length > 1 && isPostgres(this.tx)) {
      await this.tx.executeQuery(combined(writes));
      return;
    }
    for (const write of writes) await this.tx.executeQuery(write);
  }
}

/** `with w1 as (…), w2 as (…) …`: the writes as one statement, their parameters numbered on. */
function combined(writes: readonly CompiledQuery[]): CompiledQuery {
  const parameters: unknown[] = [];
  const parts = writes.map((w) => {
    const offset = parameters.length;
    parameters.push(...w.parameters);
    return w.sql.replace(PARAMETER, (_, n: string) => `$${Number(n) + offset}`);
  });
  const last = parts.pop();
  const text = `with ${parts.map((p, i) => `w${i + 1} as (${p})`).join(', ')} ${last}`;
  nameStatement(text);
  return CompiledQuery.raw(text, parameters);
}
