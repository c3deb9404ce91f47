import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runKesu } from '../support/kesu-command.js';

const dir = mkdtempSync(join(tmpdir(), 'kesu-cli-'));
const env = { ...process.env, KESU_DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'kesu.db')}` };

/** The real `kesu` command, run from the TypeScript sources. */
const kesu = (...args: string[]) => runKesu(env, ...args);

describe('the kesu command on SQLite', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates, seeds the demo and creates a user', async () => {
    expect((await kesu('migrate')).stdout).toContain('applied: 2026-11-23-foundation');
    expect((await kesu('migrate')).stdout).toContain('already up to date');
    expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect((await kesu('seed', '--demo')).stdout).toContain('demo organisation created');
    const again = await kesu('seed', '--demo');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already has users');
    expect((await kesu('seed', '--categories', 'retail')).stdout).toMatch(
      /category preset retail: \d+ categories added/,
    );
    expect((await kesu('seed', '--categories', 'retail')).stdout).toContain('retail: 0 categories added');
    const created = await kesu(
      'user',
      'create',
      '--username',
      'li.si',
      '--name',
      '李四',
      '--role',
      'agent',
      'handler',
    );
    expect(created.stdout).toMatch(/user li\.si \(#\d+\) created with roles agent, handler/);
    expect(created.stdout).toMatch(/password: \S{12,}/);
    // Six `kesu` processes, each compiling the sources through tsx: under a loaded CI machine more than a minute.
  }, 120_000);

  it('verifies the history, and names the event edited by hand', async () => {
    expect((await kesu('audit', 'verify')).stdout).toMatch(/^intact \(\d+ events in \d+ streams\)/);
    const db = new Database(join(dir, 'kesu.db'));
    const victim = db
      .prepare(
        "select e.id, c.number from events e join complaints c on c.id = e.stream_id where e.stream_type = 'complaint' and e.kind = 'accepted' order by e.id limit 1",
      )
      .get() as { id: number; number: string };
    db.exec('drop trigger events_no_update');
    db.prepare("update events set comment = '改过' where id = ?").run(victim.id);
    db.close();
    const broken = await kesu('audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`broken at event #${victim.id}: complaint ${victim.number}`);
  }, 60_000);
});
