import { tmpdir } from 'node:os';
import { type Kysely, sql } from 'kysely';
import type { AppContext } from '../../src/context.js';
import { type DatabaseHandle, type Dialect, openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { type Clock, fixedClock } from '../../src/lib/clock.js';
import { freshDatabase } from '../support/test-app.js';

export const T0 = Date.UTC(2026, 10, 24, 8, 0, 0);

export interface JobsDb {
  url: string;
  handle: DatabaseHandle;
  app: AppContext;
  clock: ReturnType<typeof fixedClock>;
  /** Another handle on the same database: another pool (PostgreSQL) or connection (SQLite), as a second process would have. */
  another(clock?: Clock): { app: AppContext; handle: DatabaseHandle };
  close(): Promise<void>;
}

export const appOf = (handle: DatabaseHandle, clock: Clock): AppContext => ({
  db: handle.db,
  dialect: handle.dialect,
  clock,
  config: {
    timeZone: 'Asia/Shanghai',
    secret: Buffer.alloc(32, 7),
    publicUrl: 'http://kesu.test',
    dataDir: tmpdir(),
  },
});

/** A fresh migrated database with a `job_effects` table the test handlers write to, and a fixed clock. */
export async function jobsDb(dialect: Dialect): Promise<JobsDb> {
  const { url, cleanup } = await freshDatabase(dialect);
  const handle = openDatabase(url);
  await migrateToLatest(handle.db);
  await createEffectsTable(handle.db);
  const clock = fixedClock(T0);
  const others: DatabaseHandle[] = [];
  return {
    url,
    handle,
    clock,
    app: appOf(handle, clock),
    another(c = clock) {
      const h = openDatabase(url);
      others.push(h);
      return { app: appOf(h, c), handle: h };
    },
    async close() {
      for (const h of others) await h.close();
      await handle.close();
      cleanup();
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: the test table is not part of the application schema
export async function createEffectsTable(db: Kysely<any>): Promise<void> {
  await sql`create table job_effects (job_id bigint not null, n integer not null, worker text not null)`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: the test table is not part of the application schema
export async function effects(db: Kysely<any>): Promise<{ rows: number; distinct: number }> {
  const r = await sql<{ total: number | string; jobs: number | string }>`
    select count(*) as total, count(distinct job_id) as jobs from job_effects`.execute(db);
  const row = r.rows[0];
  return { rows: Number(row?.total ?? 0), distinct: Number(row?.jobs ?? 0) };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
