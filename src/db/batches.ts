import { CompiledQuery, type Insertable, PostgresAdapter } from 'kysely';
import type { Db, Tx } from './database.js';
import type { Database } from './schema.js';

/** Bound parameters per statement: below SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000;

/** `rows` in runs that fit one multi-row statement binding `columns` values per row. */
export function statementChunks<T>(rows: readonly T[], columns: number): T[][] {
  const per = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += per) chunks.push(rows.slice(i, i + per));
  return chunks;
}

/** `(?, ?), (?, ?)` on SQLite, `($1, $2), ($3, $4)` on PostgreSQL. */
function placeholders(rows: number, columns: number, numbered: boolean): string {
  if (!numbered) {
    const row = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
    return Array.from({ length: rows }, () => row).join(', ');
  }
  const out: string[] = [];
  for (let r = 0, n = 1; r < rows; r++) {
    const row: string[] = [];
    for (let c = 0; c < columns; c++) row.push(`$${n++}`);
    out.push(`(${row.join(', ')})`);
  }
  return out.join(', ');
}

/**
 * A multi-row INSERT of `rows` into `table`, cut into statements that fit the bound-parameter limit,
 * its SQL written here rather than by the query builder, whose cost grows with every value (a node
 * per value, parsed, frozen and compiled): for the sweeps' thousands of rows a batch, a tenth of their
 * time. Every row gives the same columns (those of the first; built by one function). `tail` follows
 * the VALUES (`on conflict …`, `returning …`, written for both databases); what it returns, of every
 * statement, is returned.
 */
export async function insertRows<T extends keyof Database & string, R = never>(
  tx: Tx | Db,
  table: T,
  rows: ReadonlyArray<Insertable<Database[T]>>,
  tail = '',
): Promise<R[]> {
  const first = rows[0];
  if (!first) return [];
  const columns = Object.keys(first) as Array<keyof typeof first>;
  const numbered = tx.getExecutor().adapter instanceof PostgresAdapter;
  const head = `insert into "${table}" (${columns.map((c) => `"${String(c)}"`).join(', ')}) values `;
  const returned: R[] = [];
  for (const chunk of statementChunks(rows, columns.length)) {
    const values: unknown[] = [];
    for (const row of chunk) {
      if (Object.keys(row).length !== columns.length) throw new Error(`rows of ${table} with other columns`);
      for (const c of columns) values.push(row[c]);
    }
    const text = `${head}${placeholders(chunk.length, columns.length, numbered)}${tail ? ` ${tail}` : ''}`;
    const result = await tx.executeQuery<R>(CompiledQuery.raw(text, values));
    returned.push(...result.rows);
  }
  return returned;
}
