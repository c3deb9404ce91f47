/**
 * Server child processes for the benchmarks.
 *
 * Every server (Kesu, the ceiling app) runs as its own process in its own process group
 * (`detached`), so it gets a core of its own rather than sharing the load generator's event loop,
 * and so that stopping it kills the whole group. Live children are tracked here: `stopAll()` (run.ts
 * calls it in `finally` and on SIGINT/SIGTERM) and a process 'exit' hook make sure none outlives
 * the bench run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, closeSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';

export interface ServerChild {
  name: string;
  /** `http://127.0.0.1:<port>` */
  url: string;
  pid: number;
  logFile: string;
  /** Null while running; otherwise how the child ended before `stop()` was called (killed from outside?). */
  exitedEarly(): string | null;
  /** SIGTERM to the process group, SIGKILL after a grace period. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartServerOptions {
  /** For messages: `kesu sqlite`, `ceiling postgres`. */
  name: string;
  command: string;
  args: string[];
  /** Added to the inherited environment; PORT and HOST are set here. */
  env: Record<string, string>;
  cwd: string;
  /** stdout and stderr of the child go here (appended). */
  logFile: string;
  /** How long to wait for `GET /health` to answer 200. */
  startTimeoutMs?: number;
}

const live = new Map<number, ChildProcess>();

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is gone already
  }
}

process.on('exit', () => {
  for (const pid of live.keys()) killGroup(pid, 'SIGKILL');
});

/** Stops every server child still running. */
export async function stopAll(): Promise<void> {
  await Promise.all([...live.keys()].map((pid) => stopChild(pid)));
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function within(p: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((r) => {
    timer = setTimeout(() => r(false), ms);
  });
  try {
    return await Promise.race([p.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function stopChild(pid: number): Promise<void> {
  const child = live.get(pid);
  if (!child) return;
  const gone = exited(child);
  killGroup(pid, 'SIGTERM');
  if (!(await within(gone, 10_000))) {
    killGroup(pid, 'SIGKILL');
    await within(gone, 5_000);
  }
  // Also whatever the child left behind in its group.
  killGroup(pid, 'SIGKILL');
  live.delete(pid);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      if (addr === null || typeof addr === 'string') {
        srv.close();
        reject(new Error('could not determine a free port'));
        return;
      }
      srv.close(() => resolve(addr.port));
    });
  });
}

export function logTail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

/** Starts a server on a free port of 127.0.0.1 and waits until `GET /health` answers. */
export async function startServer(options: StartServerOptions): Promise<ServerChild> {
  const timeoutMs = options.startTimeoutMs ?? 60_000;
  // The free port is released before the child binds it; retry if someone else took it meanwhile.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const fd = openSync(options.logFile, 'a');
    let child: ChildProcess;
    try {
      child = spawn(options.command, options.args, {
        cwd: options.cwd,
        env: { ...process.env, ...options.env, HOST: '127.0.0.1', PORT: String(port) },
        detached: true,
        stdio: ['ignore', fd, fd],
      });
    } finally {
      closeSync(fd);
    }
    const pid = child.pid;
    if (pid === undefined) throw new Error(`${options.name}: could not spawn ${options.command}`);
    live.set(pid, child);
    child.once('error', () => undefined); // surfaces as an exit below
    let stopping = false;
    let early: string | null = null;
    child.once('exit', (code, signal) => {
      if (!stopping) early = signal ? `killed by ${signal}` : `exited with code ${code}`;
    });
    const stop = () => {
      stopping = true;
      return stopChild(pid);
    };

    const deadline = Date.now() + timeoutMs;
    let up = false;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) break;
      if (await healthy(url)) {
        up = true;
        break;
      }
      await sleep(100);
    }
    if (up) return { name: options.name, url, pid, logFile: options.logFile, exitedEarly: () => early, stop };

    const died = child.exitCode !== null || child.signalCode !== null;
    await stop();
    const log = logTail(options.logFile);
    if (died && /EADDRINUSE/.test(log) && attempt < 5) continue;
    throw new Error(
      `${options.name}: ${died ? `exited (code ${child.exitCode}, signal ${child.signalCode})` : `no answer on ${url}/health within ${timeoutMs / 1000} s`}. Log ${options.logFile}:\n${log}`,
    );
  }
}

export interface RunChildOptions {
  /** For messages: `sla-sweep sqlite`. */
  name: string;
  command: string;
  args: string[];
  /** Added to the inherited environment. */
  env: Record<string, string>;
  cwd: string;
  /** stdout and stderr of the child go here (appended). */
  logFile: string;
  /** Each complete line the child writes to stdout, as it comes (progress). */
  onLine?: (line: string) => void;
}

/**
 * A child that does its work and exits (a benchmark worker, not a server): its own process group,
 * tracked like the servers so `stopAll()` and Ctrl-C stop it too. Resolves with how it ended.
 */
export async function runChild(
  options: RunChildOptions,
): Promise<{ code: number | null; signal: string | null }> {
  const fd = openSync(options.logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      detached: true,
      stdio: ['ignore', 'pipe', fd],
    });
  } finally {
    closeSync(fd);
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${options.name}: could not spawn ${options.command}`);
  live.set(pid, child);
  let pending = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    appendFileSync(options.logFile, chunk);
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) options.onLine?.(line);
  });
  try {
    return await new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code, signal) => {
        if (pending) options.onLine?.(pending);
        resolve({ code, signal });
      });
    });
  } finally {
    live.delete(pid);
    // Whatever the child left behind in its group.
    killGroup(pid, 'SIGKILL');
  }
}

/**
 * CPU seconds (user + system) a process's main thread has used so far, from /proc (Linux). Not the
 * other threads: a CPU profiler's sampling thread would never let a profiled server look quiet.
 */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Waits until a server has done the work its start set off (a job catching up on a database just
 * written: statistics, clocks, reports, topics): until it has used under `share` of a core for
 * `quietSeconds` seconds in a row, or `maxSeconds` have passed. The measured run then sees the server
 * as it runs day to day, not its catch-up. Returns the seconds waited.
 */
export async function waitUntilQuiet(
  child: ServerChild,
  { share = 0.05, quietSeconds = 6, maxSeconds = 300 } = {},
): Promise<{ seconds: number; quiet: boolean }> {
  const started = performance.now();
  let quietFor = 0;
  let last = cpuSeconds(child.pid);
  while (performance.now() - started < maxSeconds * 1000) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = cpuSeconds(child.pid);
    quietFor = now - last < share ? quietFor + 1 : 0;
    last = now;
    if (quietFor >= quietSeconds)
      return { seconds: Math.round((performance.now() - started) / 1000), quiet: true };
  }
  return { seconds: maxSeconds, quiet: false };
}
