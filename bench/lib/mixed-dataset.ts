/**
 * The mixed workload's data: the search bench's complaints (bench/search.ts: a year of varied
 * Chinese complaints, mostly closed, some open in the service centre or at the two stations, with
 * their search documents), written in bulk to every database of the run in one pass, then made
 * ready for registrations through the API (the day counters and, on PostgreSQL, the id sequence
 * past the written rows). No history, deadlines or customers: the actions append the first event
 * of a complaint's chain.
 */
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/database.js';
import { type Org, writeGeneratedDataset } from '../search.js';
import type { BenchContext, DbKind } from './context.js';
import { envRows } from './env-rows.js';
import type { FreshDatabase } from './kesu.js';

export const DEFAULT_MIXED_ROWS = 200_000;

/** BENCH_MIXED_ROWS (default 200,000): complaints in the mixed workload's database. */
export const mixedRows = (): number => envRows('BENCH_MIXED_ROWS', DEFAULT_MIXED_ROWS, 1000);

/** Writes `rows` complaints into each database (one generator pass for all); returns the organisation. */
export async function writeMixedDataset(
  ctx: BenchContext,
  dbs: Array<{ kind: DbKind; db: FreshDatabase }>,
  rows: number,
): Promise<Org> {
  const [org] = await writeGeneratedDataset(dbs, rows, {
    now: Date.now(),
    log: (n) => ctx.log(`mixed: ${n} complaints written`),
  });
  if (!org) throw new Error('no database to run on');
  await Promise.all(dbs.map(({ db }) => readyForRegistration(db.url)));
  return org;
}

/** The day counters as registration would have left them; PostgreSQL's id sequence past the rows. */
async function readyForRegistration(url: string): Promise<void> {
  const handle = openDatabase(url);
  try {
    await sql`insert into number_sequences (day, last)
      select substr(number, 3, 8), max(cast(substr(number, 12) as integer)) from complaints group by 1`.execute(
      handle.db,
    );
    if (handle.dialect === 'postgres')
      await sql`select setval(pg_get_serial_sequence('complaints', 'id'), (select max(id) from complaints))`.execute(
        handle.db,
      );
  } finally {
    await handle.close();
  }
}
