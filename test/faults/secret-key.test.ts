import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registerComplaint } from '../../src/modules/complaints/index.js';
import { loadActor } from '../../src/modules/org/actor.js';
import { buildComplaint } from '../support/factories.js';
import { killAll, postJson, sessionCookie, spawnKesu, startServe } from '../support/kesu-process.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

const REFUSAL =
  'this database was sealed with another key: give every server the same KESU_SECRET or copy <dataDir>/secret.key from the first server';

const fingerprint = (t: TestApp) =>
  t.app.db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'secret_key_fingerprint')
    .executeTakeFirst();

describe.each(DIALECTS)('the secret key on %s', (dialect) => {
  let t: TestApp | undefined;
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'kesu-key-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    await killAll();
    await t?.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('a second server with its own key file refuses to start; with the first one’s key both serve the same complaints', async () => {
    t = await startTestApp(dialect);
    const [dirA, dirB] = [dataDir(), dataDir()];
    // No KESU_SECRET: each server keeps the key in its own data dir, created at first start.
    const a = await startServe({ DATABASE_URL: t.url, KESU_DATA_DIR: dirA, KESU_SECRET: '' });
    expect(await fingerprint(t)).toBeDefined();
    const cookieA = await sessionCookie(a.url, 'agent');
    const registered = await postJson(`${a.url}/api/v1/complaints`, cookieA, buildComplaint(t.org));
    expect(registered.status).toBe(201);

    const b = spawnKesu(['serve'], { DATABASE_URL: t.url, KESU_DATA_DIR: dirB, KESU_SECRET: '' });
    expect((await b.exited).code).toBe(1);
    expect(b.stderr()).toContain(REFUSAL);
    expect(b.stderr()).toContain(join(dirB, 'secret.key'));

    copyFileSync(join(dirA, 'secret.key'), join(dirB, 'secret.key'));
    const b2 = await startServe({ DATABASE_URL: t.url, KESU_DATA_DIR: dirB, KESU_SECRET: '' });
    const cookieB = await sessionCookie(b2.url, 'agent');
    const read = async (url: string, cookie: string) => {
      const res = await fetch(`${url}/api/v1/complaints/${registered.body.number}`, { headers: { cookie } });
      const body = (await res.json()) as { title: string; complainant: unknown };
      return { status: res.status, body: { title: body.title, complainant: body.complainant } };
    };
    const viaA = await read(a.url, cookieA);
    const viaB = await read(b2.url, cookieB);
    expect(viaB.status).toBe(200);
    expect(viaB.body).toEqual(viaA.body);
    // And what B registers, A reads.
    const fromB = await postJson(`${b2.url}/api/v1/complaints`, cookieB, buildComplaint(t.org));
    expect(fromB.status).toBe(201);
    const back = await fetch(`${a.url}/api/v1/complaints/${fromB.body.number}`, {
      headers: { cookie: cookieA },
    });
    expect(back.status).toBe(200);
  }, 300_000);

  it('an older database without a fingerprint takes one only from a key that opens its personal data', async () => {
    t = await startTestApp(dialect);
    const agent = await loadActor(t.app.db, t.org.userIds.get('agent') ?? 0);
    if (!agent) throw new Error('demo agent missing');
    await registerComplaint({ ...t.app, actor: agent }, buildComplaint(t.org));
    expect(await fingerprint(t)).toBeUndefined();

    // A restore without its key file: a new key is made, and the server must not start on it.
    const wrong = spawnKesu(['audit', 'verify'], {
      DATABASE_URL: t.url,
      KESU_DATA_DIR: dataDir(),
      KESU_SECRET: '',
    });
    expect((await wrong.exited).code).toBe(1);
    expect(wrong.stderr()).toContain(REFUSAL);
    expect(await fingerprint(t)).toBeUndefined();

    // The key the data was sealed with (spawnKesu's default KESU_SECRET is the test apps' secret).
    const right = spawnKesu(['audit', 'verify'], { DATABASE_URL: t.url });
    expect(await right.exited).toEqual({ code: 0, signal: null });
    expect(right.stdout()).toMatch(/^intact/);
    expect(await fingerprint(t)).toBeDefined();
  }, 300_000);
});
