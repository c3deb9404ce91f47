/** A row count from the environment (`BENCH_…_ROWS`), or the module's default when unset. */
export function envRows(variable: string, fallback: number, minimum = 1): number {
  const raw = process.env[variable];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < minimum)
    throw new Error(`${variable} must be an integer ≥ ${minimum}, got ${raw}`);
  return n;
}
