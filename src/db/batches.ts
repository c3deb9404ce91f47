import { CompiledQuery, type Insertable, type Updateable } from 'kysely';
import { type Db, isPostgres, type Tx } from './database.js';
import { nameStatement } from './named-statements.js';
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
 * From this many rows PostgreSQL gets the rows as one array per column (`unnest`) instead of a
 * VALUES list: its parser and planner then see a few parameters, not one per value, and take about a
 * third less time for a sweep's 500 notices (bench/README.md, "SLA sweep"). Fewer rows, as VALUES.
 */
const UNNEST_FROM = 16;

/** Each column's type as PostgreSQL writes it (`integer`, `text`, …), per table: the arrays' casts. */
const columnTypes = new Map<string, Map<string, string>>();

/** The types of `columns`, read once per table, again when a column is new to what was read (a later migration). */
async function typesOf(tx: Tx | Db, table: string, columns: string[]): Promise<Map<string, string>> {
  let types = columnTypes.get(table);
  if (!types || columns.some((c) => !types?.has(c))) {
    const { rows } = await tx.executeQuery<{ name: string; type: string }>(
      CompiledQuery.raw(
        'select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped',
        [`"${table}"`],
      ),
    );
    types = new Map(rows.map((r) => [r.name, r.type]));
    columnTypes.set(table, types);
  }
  return types;
}

/** The columns of `rows` (those of the first), refused when a row gives others. */
function columnsOf<R extends object>(table: string, rows: readonly R[]): Array<keyof R & string> {
  const columns = Object.keys(rows[0] ?? {}) as Array<keyof R & string>;
  for (const row of rows)
    if (Object.keys(row).length !== columns.length) throw new Error(`rows of ${table} with other columns`);
  return columns;
}

/** `$1::integer[], $2::text[], …`: one typed array parameter per column (PostgreSQL). */
async function arrayParameters(tx: Tx | Db, table: string, columns: string[]): Promise<string> {
  const types = await typesOf(tx, table, columns);
  return columns
    .map((c, i) => {
      const type = types.get(c);
      if (!type) throw new Error(`${table} has no column ${c}`);
      return `$${i + 1}::${type}[]`;
    })
    .join(', ');
}

/** `"a", "b"`: the column names of a statement. */
const columnList = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(', ');

/** The values of `rows`, column by column (one array each) or row after row (a VALUES list). */
const byColumn = <R>(rows: readonly R[], columns: Array<keyof R>) =>
  columns.map((c) => rows.map((row) => row[c]));
function byRow<R>(rows: readonly R[], columns: Array<keyof R>): unknown[] {
  const values: unknown[] = [];
  for (const row of rows) for (const c of columns) values.push(row[c]);
  return values;
}

/**
 * A multi-row INSERT of `rows` into `table`, its SQL written here rather than by the query builder,
 * whose cost grows with every value (a node per value, parsed, frozen and compiled): for the sweeps'
 * thousands of rows a batch, a tenth of their time. On SQLite, and for a few rows on PostgreSQL,
 * VALUES lists cut into statements that fit the bound-parameter limit; for many rows on PostgreSQL,
 * one array per column, inserted in the rows' order. Every row gives the same columns (those of the
 * first; built by one function). `tail` follows the rows (`on conflict …`, `returning …`, written for
 * both databases); what it returns, of every statement, is returned in the rows' order.
 */
export async function insertRows<T extends keyof Database & string, R = never>(
  tx: Tx | Db,
  table: T,
  rows: ReadonlyArray<Insertable<Database[T]>>,
  tail = '',
): Promise<R[]> {
  if (!rows.length) return [];
  const columns = columnsOf(table, rows);
  const names = columnList(columns);
  const end = tailOf(tail);
  const postgres = isPostgres(tx);
  if (postgres && rows.length >= UNNEST_FROM) {
    const arrays = await arrayParameters(tx, table, columns);
    const text = `insert into "${table}" (${names}) select ${names} from unnest(${arrays}) with ordinality as u (${names}, "#") order by "#"${end}`;
    return (await tx.executeQuery<R>(CompiledQuery.raw(text, byColumn(rows, columns)))).rows;
  }
  return runAll<R>(tx, valuesInserts(postgres, table, rows, columns, tail));
}

/** The statements of a multi-row INSERT as VALUES lists, cut to fit the bound-parameter limit. */
function valuesInserts<R extends object>(
  postgres: boolean,
  table: string,
  rows: readonly R[],
  columns: Array<keyof R & string>,
  tail: string,
): CompiledQuery[] {
  const head = `insert into "${table}" (${columnList(columns)}) values `;
  return statementChunks(rows, columns.length).map((chunk) =>
    CompiledQuery.raw(
      `${head}${placeholders(chunk.length, columns.length, postgres)}${tailOf(tail)}`,
      byRow(chunk, columns),
    ),
  );
}

/** Runs `statements` one after another: what they return, in their order. */
async function runAll<R>(tx: Tx | Db, statements: CompiledQuery[]): Promise<R[]> {
  const returned: R[] = [];
  for (const statement of statements) returned.push(...(await tx.executeQuery<R>(statement)).rows);
  return returned;
}

/**
 * `insertRows`' statements for a few rows, to run later (a `WriteBatch`): VALUES lists, never the
 * arrays of many rows on PostgreSQL, whose types would have to be read first.
 */
export function rowsInserts<T extends keyof Database & string>(
  db: Tx | Db,
  table: T,
  rows: ReadonlyArray<Insertable<Database[T]>>,
  tail = '',
): CompiledQuery[] {
  if (!rows.length) return [];
  return valuesInserts(isPostgres(db), table, rows, columnsOf(table, rows), tail);
}

/** What follows an INSERT's values (`on conflict …`, `returning …`), if anything. */
const tailOf = (tail: string) => (tail ? ` ${tail}` : '');

/** The SQL of `insertRow`, by dialect, table, columns and tail. */
const insertTexts = new Map<string, string>();

/**
 * One row into `table` on a hot path (registration): the statement `insertRows` would write, kept
 * for the next row with the same columns. The columns are the row's defined ones, as the query
 * builder would take them; `tail` as for `insertRows`. What the tail returns, if anything.
 */
export async function insertRow<T extends keyof Database & string, R = never>(
  tx: Tx | Db,
  table: T,
  row: Insertable<Database[T]>,
  tail = '',
): Promise<R | undefined> {
  return (await tx.executeQuery<R>(rowInsert(tx, table, row, tail))).rows[0];
}

/** `insertRow`'s statement, to run now or later (a `WriteBatch`). */
export function rowInsert<T extends keyof Database & string>(
  db: Tx | Db,
  table: T,
  row: Insertable<Database[T]>,
  tail = '',
): CompiledQuery {
  const columns: string[] = [];
  const values: unknown[] = [];
  for (const [column, value] of Object.entries(row))
    if (value !== undefined) {
      columns.push(column);
      values.push(value);
    }
  const postgres = isPostgres(db);
  const key = `${postgres}\u0000${table}\u0000${columns.join(',')}\u0000${tail}`;
  let text = insertTexts.get(key);
  if (text === undefined) {
    text = `insert into "${table}" (${columnList(columns)}) values ${placeholders(1, columns.length, postgres)}${tailOf(tail)}`;
    insertTexts.set(key, text);
    if (postgres) nameStatement(text);
  }
  return CompiledQuery.raw(text, values);
}

/** `insertRow` of a table with a generated id: the new row's id. */
export async function insertId<T extends keyof Database & string>(
  tx: Tx | Db,
  table: T,
  row: Insertable<Database[T]>,
): Promise<number> {
  const inserted = await insertRow<T, { id: number }>(tx, table, row, 'returning "id"');
  if (!inserted) throw new Error(`no row was written to ${table}`);
  return inserted.id;
}

/**
 * One UPDATE of many rows of `table`, each to its own values: the rows are found by the `keys`
 * columns and every other column of a row is set (every row gives the same columns, those of the
 * first). PostgreSQL gets one array per column (`unnest`), SQLite a VALUES list cut to fit the
 * bound-parameter limit: a statement for a batch instead of one per row.
 */
export async function updateRows<T extends keyof Database & string>(
  tx: Tx | Db,
  table: T,
  keys: ReadonlyArray<keyof Updateable<Database[T]> & string>,
  rows: ReadonlyArray<Updateable<Database[T]>>,
): Promise<void> {
  if (!rows.length) return;
  const columns = columnsOf(table, rows);
  const set = columns
    .filter((c) => !keys.includes(c))
    .map((c) => `"${c}" = v."${c}"`)
    .join(', ');
  const where = keys.map((k) => `"${table}"."${k}" = v."${k}"`).join(' and ');
  if (isPostgres(tx)) {
    const names = columnList(columns);
    const arrays = await arrayParameters(tx, table, columns);
    const text = `update "${table}" set ${set} from unnest(${arrays}) as v (${names}) where ${where}`;
    await tx.executeQuery(CompiledQuery.raw(text, byColumn(rows, columns)));
    return;
  }
  // SQLite names a VALUES list's columns column1, column2, …
  const named = columns.map((c, i) => `column${i + 1} as "${c}"`).join(', ');
  for (const chunk of statementChunks(rows, columns.length)) {
    const list = placeholders(chunk.length, columns.length, false);
    const text = `update "${table}" set ${set} from (select ${named} from (values ${list})) as v where ${where}`;
    await tx.executeQuery(CompiledQuery.raw(text, byRow(chunk, columns)));
  }
}
