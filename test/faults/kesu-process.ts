/**
 * The real `kesu` command as a child process (from the TypeScript sources), for fault tests: its
 * output is kept line by line, and the test can wait for a line, ask whether it still runs, and stop it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface KesuProcess {
  child: ChildProcess;
  /** Resolves with the first output line (stdout or stderr) matching the pattern. */
  line(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Every output line so far. */
  output(): string[];
  alive(): boolean;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL if it has not exited after 15 s. */
  stop(): Promise<void>;
}

export function spawnKesu(args: string[], env: Record<string, string>): KesuProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    // The demo organisation without its generated history: these tests are about faults, not the demo.
    env: { ...process.env, LOG_LEVEL: 'silent', HOST: '127.0.0.1', KESU_DEMO_HISTORY: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  const take = (line: string) => {
    lines.push(line);
    for (const w of waiters.splice(0)) {
      if (w.pattern.test(line)) w.resolve(line);
      else waiters.push(w);
    }
  };
  for (const stream of [child.stdout, child.stderr])
    createInterface({ input: stream as NodeJS.ReadableStream }).on('line', take);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    child,
    exited,
    alive,
    output: () => [...lines],
    line(pattern, timeoutMs = 120_000) {
      const seen = lines.find((l) => pattern.test(l));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no line ${pattern} within ${timeoutMs} ms:\n${lines.join('\n')}`)),
          timeoutMs,
        );
        waiters.push({
          pattern,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
        void exited.then(({ code, signal }) => {
          clearTimeout(timer);
          reject(
            new Error(`kesu ${args[0]} exited (${code ?? signal}) before ${pattern}:\n${lines.join('\n')}`),
          );
        });
      });
    },
    async stop() {
      if (!alive()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** `kesu serve` prints where it listens; PORT=0 lets the system pick a free port. */
export async function servedUrl(kesu: KesuProcess, timeoutMs?: number): Promise<string> {
  const line = await kesu.line(/is running at http:\/\/\S+/, timeoutMs);
  return /(http:\/\/\S+)/.exec(line)?.[1] ?? '';
}
