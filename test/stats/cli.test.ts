import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runKesu } from '../support/kesu-command.js';

const dir = mkdtempSync(join(tmpdir(), 'kesu-stats-cli-'));
const file = join(dir, 'kesu.db');
const env = { ...process.env, KESU_DATA_DIR: dir, DATABASE_URL: `sqlite:${file}` };
const kesu = (...args: string[]) => runKesu(env, ...args);

describe('kesu stats rebuild', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("counts the demo's complaints into the rollups", async () => {
    await kesu('migrate');
    await kesu('seed', '--demo');
    const out = await kesu('stats', 'rebuild');
    expect(out.code, out.stderr).toBe(0);
    const db = new Database(file, { readonly: true });
    try {
      const complaints = db
        .prepare('select count(*) as n from complaints where merged_into_id is null')
        .get() as { n: number };
      const counted = db
        .prepare('select coalesce(sum(complaints), 0) as n from stats_totals where unit_id = -1')
        .get() as {
        n: number;
      };
      expect(complaints.n).toBeGreaterThan(0);
      expect(counted.n).toBe(complaints.n);
      expect(out.stdout).toMatch(new RegExp(`rebuilt statistics: \\d+ complaints, ${complaints.n} counted`));
    } finally {
      db.close();
    }
  }, 120_000);

  it('refuses to start while another rebuild is running, and says so', async () => {
    const db = new Database(file);
    try {
      db.prepare("insert into stats_watermarks (name, event_id, updated_at) values ('rebuild', 7, ?)").run(
        Date.now(),
      );
    } finally {
      db.close();
    }
    const out = await kesu('stats', 'rebuild');
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/kesu: a statistics rebuild is already running \(last heard of at 20\d\d-/);
  }, 60_000);
});
