/** Bound parameters per statement: below SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000;

/** `rows` in runs that fit one multi-row statement binding `columns` values per row. */
export function statementChunks<T>(rows: readonly T[], columns: number): T[][] {
  const per = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += per) chunks.push(rows.slice(i, i + per));
  return chunks;
}
