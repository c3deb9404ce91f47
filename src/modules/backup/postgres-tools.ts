import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** pg_dump or pg_restore: from KESU_PG_BIN, else the newest Debian-installed version, else the PATH. */
function pgTool(name: 'pg_dump' | 'pg_restore', env: NodeJS.ProcessEnv): string {
  if (env.KESU_PG_BIN) return join(env.KESU_PG_BIN, name);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const newest = readdirSync(debian)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
      .map((v) => join(debian, v, 'bin', name))
      .find((path) => existsSync(path));
    if (newest) return newest;
  }
  return name;
}

/** The URL without its password, which goes in PGPASSWORD instead of the process list. */
function connection(url: string, env: NodeJS.ProcessEnv): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: password ? { ...env, PGPASSWORD: password } : env };
}

/** Run pg_dump / pg_restore against `url`; a failure carries the tool's own words. */
export async function runPgTool(
  name: 'pg_dump' | 'pg_restore',
  url: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const bin = pgTool(name, env);
  const target = connection(url, env);
  try {
    await run(bin, [...args, `--dbname=${target.dbname}`], { env: target.env, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT')
      throw new Error(
        `${name} not found: install the PostgreSQL client programs (Debian: apt-get install postgresql-client) or set KESU_PG_BIN to their directory`,
      );
    throw new Error(`${name} failed: ${(e.stderr ?? e.message).trim()}`);
  }
}
