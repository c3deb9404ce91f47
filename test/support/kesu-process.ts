/**
 * The real `kesu` command as a child process (`node --import tsx src/main.ts …`) on 127.0.0.1, for
 * the tests that signal or kill it. Every process a test starts is killed by `killAll()`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { loadActor } from '../../src/modules/org/actor.js';
import { writeSetting } from '../../src/modules/settings/index.js';
import { PASSWORD, TEST_SECRET, type TestApp } from './test-app.js';

export interface KesuProcess {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything the process wrote so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the first stdout line matching the pattern; rejects if the process exits first. */
  line(pattern: RegExp): Promise<string>;
}

const started: KesuProcess[] = [];
/** The data dirs `spawnKesu` made (not those a test gave): removed by `killAll()`. */
const ownDataDirs: string[] = [];

/**
 * Start `kesu <args>` (or another `script`) with the test secret and a data dir of its own, and
 * without the demo's generated history (seconds the tests do not need), unless `env` says otherwise.
 */
export function spawnKesu(args: string[], env: Record<string, string>, script = 'src/main.ts'): KesuProcess {
  const dataDir = env.KESU_DATA_DIR || mkdtempSync(join(tmpdir(), 'kesu-proc-'));
  if (dataDir !== env.KESU_DATA_DIR) ownDataDirs.push(dataDir);
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      KESU_SECRET: TEST_SECRET,
      KESU_DATA_DIR: dataDir,
      KESU_DEMO_HISTORY: '0',
      ...env,
    },
    // A pipe on stdin: scripts that watch it (test/jobs/worker-process.ts) exit with the test.
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const lines: string[] = [];
  const waiters: Array<{ pattern: RegExp; resolve: (l: string) => void }> = [];
  child.stderr?.on('data', (b: Buffer) => {
    err += b.toString();
  });
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (l) => {
    out += `${l}\n`;
    lines.push(l);
    for (const w of waiters.splice(0)) {
      if (w.pattern.test(l)) w.resolve(l);
      else waiters.push(w);
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const p: KesuProcess = {
    child,
    exited,
    stdout: () => out,
    stderr: () => err,
    line: (pattern) => {
      const seen = lines.find((l) => pattern.test(l));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ pattern, resolve });
        void exited.then(({ code, signal }) =>
          reject(new Error(`kesu exited (${code ?? signal}) before ${pattern}:\n${err}`)),
        );
      });
    },
  };
  started.push(p);
  return p;
}

/** `kesu serve` until it listens; returns its base URL. */
export async function startServe(
  env: Record<string, string>,
  args: string[] = [],
): Promise<KesuProcess & { url: string }> {
  const p = spawnKesu(['serve', ...args], env);
  const line = await p.line(/is running at http:\/\/\S+/);
  const url = /(http:\/\/\S+)/.exec(line)?.[1] ?? '';
  return Object.assign(p, { url });
}

export const alive = (p: KesuProcess) => p.child.exitCode === null && p.child.signalCode === null;

/** Kill (SIGKILL) every process still running, wait for them, and remove the data dirs made for them. */
export async function killAll(): Promise<void> {
  for (const p of started.splice(0)) {
    if (alive(p)) p.child.kill('SIGKILL');
    await p.exited;
  }
  for (const dir of ownDataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A session cookie of a demo user, signed in over the socket. */
export async function sessionCookie(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** Customer notices go by SMS through the generic gateway at `url`. */
export async function smsThrough(t: TestApp, url: string): Promise<void> {
  const admin = await loadActor(t.app.db, t.org.userIds.get('admin') ?? 0);
  if (!admin) throw new Error('demo admin missing');
  await writeSetting(
    { ...t.app, actor: admin },
    'notify_channels',
    { sms: { channel: 'sms', provider: 'generic', url, secret: 'gateway-secret' } },
    {},
  );
}

/** POST a JSON body with a session cookie; the status and the parsed answer. */
export async function postJson(
  url: string,
  cookie: string,
  body: unknown,
): Promise<{ status: number; body: { number?: string } }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { number?: string } };
}

export async function waitFor(check: () => Promise<boolean> | boolean, what: string, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
