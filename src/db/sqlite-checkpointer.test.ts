import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A database file in a fresh directory, with a table of 4 KiB rows. */
async function database(backgroundCheckpoints: boolean) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kesu-checkpoint-'));
  dirs.push(dir);
  const file = path.join(dir, 'kesu.db');
  const handle = openDatabase(`sqlite:${file}`, { backgroundCheckpoints });
  await sql`create table blobs (id integer primary key, body text)`.execute(handle.db);
  const write = async (rows: number) => {
    for (let i = 0; i < rows; i++)
      await sql`insert into blobs (body) values (${'x'.repeat(4096)})`.execute(handle.db);
  };
  return { file, handle, write };
}

describe('WAL checkpoints in a thread of their own', () => {
  it('copies committed pages into the database file without the writer checkpointing', async () => {
    const { file, handle, write } = await database(true);
    const [{ wal_autocheckpoint: auto }] = (
      await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(handle.db)
    ).rows as [{ wal_autocheckpoint: number }];
    expect(auto).toBe(0);
    // About 2,500 pages: past SQLite's automatic threshold, which the writer no longer applies.
    await write(2500);
    // Only a checkpoint grows the database file itself; here the thread's.
    await expect.poll(() => statSync(file).size, { timeout: 10_000 }).toBeGreaterThan(8 * 1024 * 1024);
    const count = await sql<{ n: number }>`select count(*) as n from blobs`.execute(handle.db);
    expect(count.rows[0]?.n).toBe(2500);
    await handle.close();
    // Stopped before the main connection closed, so closing could fold and remove the WAL.
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('leaves short-lived handles (tests, scripts) with SQLite’s automatic checkpoints', async () => {
    const { handle } = await database(false);
    const result = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(handle.db);
    expect(result.rows[0]?.wal_autocheckpoint).toBe(1000);
    await handle.close();
  });
});
