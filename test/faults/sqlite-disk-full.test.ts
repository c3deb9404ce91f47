/**
 * The disk under a SQLite Kesu fills up: `kesu serve` runs as a child process with its data
 * directory on a small tmpfs, and the test fills the rest of it with a file, then frees it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/seed/demo.js';
import { sleep } from '../jobs/support.js';
import { DIALECTS } from '../support/test-app.js';
import { type KesuProcess, servedUrl, spawnKesu } from './kesu-process.js';
import { register, signIn, startLoad, summary, type Tally } from './registration-load.js';

/** Mounting needs root (CI containers run as root); elsewhere the test says it is skipped. */
function tryMountTmpfs(size: string): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'kesu-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmdirSync(dir);
    return null;
  }
}

const mounted = DIALECTS.includes('sqlite') ? tryMountTmpfs('64m') : null;

describe.skipIf(!mounted)('a full disk under SQLite (data directory on a 64 MiB tmpfs)', () => {
  const dir = mounted ?? '';
  const filler = join(dir, 'filler');
  let serve: KesuProcess;
  let base: string;
  let cookie: string;
  let categoryId: number;
  const env = {
    KESU_DATA_DIR: dir,
    DATABASE_URL: `sqlite:${join(dir, 'kesu.db')}`,
    PORT: '0',
    LOG_LEVEL: 'error',
  };

  beforeAll(async () => {
    serve = spawnKesu(['serve', '--demo'], env);
    base = await servedUrl(serve);
    cookie = await signIn(base, 'agent', demoPassword());
    const db = new Database(join(dir, 'kesu.db'), { readonly: true });
    categoryId = (
      db.prepare("select id from categories where code = 'delay.transit'").get() as { id: number }
    ).id;
    db.close();
  });
  afterAll(async () => {
    await serve?.stop();
    execFileSync('umount', [dir]);
    rmdirSync(dir);
  });

  const ready = async () => {
    const res = await fetch(`${base}/health/ready`);
    return { status: res.status, body: (await res.json()) as { failed: string[] } };
  };

  it('answers 507 problem+json (never 500) when full, corrupts nothing, and registers again once space is freed', async () => {
    const tally: Tally = { acknowledged: [], unavailable: 0, storageFull: 0, unexpected: [] };
    for (let i = 0; i < 5; i++) await register(base, cookie, categoryId, tally);
    expect(tally.acknowledged).toHaveLength(5);
    expect((await ready()).status).toBe(200);

    // Leave a little room, then register until the disk has refused 20 registrations.
    const fs = statfsSync(dir);
    writeFileSync(filler, Buffer.alloc(Math.max(0, fs.bavail * fs.bsize - 256 * 1024)));
    const load = startLoad(base, cookie, categoryId, 2);
    const deadline = Date.now() + 60_000;
    while (load.tally.storageFull < 20 && load.tally.unexpected.length === 0 && Date.now() < deadline)
      await sleep(50);
    const whileFull = await load.stop();
    console.log('[faults] SQLite disk full:', JSON.stringify(summary(whileFull)));
    expect(whileFull.unexpected, serve.output().join('\n').slice(-3000)).toEqual([]);
    expect(whileFull.storageFull).toBeGreaterThanOrEqual(20);

    // Evidence files get the same answer, and a full disk is not ready for traffic.
    const form = new FormData();
    form.append('file', new Blob([Buffer.alloc(1024 * 1024, 'a')], { type: 'text/plain' }), 'note.txt');
    const upload = await fetch(`${base}/api/v1/complaints/${tally.acknowledged[0]}/evidence`, {
      method: 'POST',
      headers: { cookie },
      body: form,
    });
    expect(upload.status).toBe(507);
    expect(upload.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await upload.json()) as { code: string }).code).toBe('insufficient_storage');
    expect(await ready()).toMatchObject({ status: 503, body: { failed: ['storage'] } });
    expect((await fetch(`${base}/health/live`)).status).toBe(200);

    const db = new Database(join(dir, 'kesu.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const verify = spawnKesu(['audit', 'verify'], env);
    await verify.exited;
    expect(verify.output().join('\n')).toMatch(/^intact \(\d+ events/);

    rmSync(filler);
    const after = startLoad(base, cookie, categoryId, 2);
    await after.acknowledgedMore(10);
    const afterFreed = await after.stop();
    expect(afterFreed.unexpected).toEqual([]);
    await expect.poll(async () => (await ready()).status).toBe(200);

    const acknowledged = [...tally.acknowledged, ...whileFull.acknowledged, ...afterFreed.acknowledged];
    const check = new Database(join(dir, 'kesu.db'), { readonly: true });
    const found = acknowledged.filter((n) =>
      check.prepare('select 1 from complaints where number = ?').get(n),
    );
    check.close();
    console.log(
      `[faults] SQLite disk full: acknowledged ${acknowledged.length}, 507s ${whileFull.storageFull + 1}, ` +
        `500s 0, found ${found.length}, lost ${acknowledged.length - found.length}; after freeing ${afterFreed.acknowledged.length} registered`,
    );
    expect(found).toHaveLength(acknowledged.length);
    expect(serve.alive()).toBe(true);
  });
});
