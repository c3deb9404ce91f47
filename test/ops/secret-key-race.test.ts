import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);

// Each child waits for the go file, then reads its config: all of them create the data dir's key at once.
const child = `
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { loadConfig } from './src/config.ts';
const go = process.env.GO_FILE;
while (!existsSync(go)) {}
const { secret } = loadConfig(process.env);
process.stdout.write(createHash('sha256').update(secret).digest('hex'));
`;

describe('the data dir’s secret key', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('is created once when several processes start on a new data dir at the same moment', async () => {
    for (let round = 0; round < 3; round++) {
      const dir = mkdtempSync(join(tmpdir(), 'kesu-key-race-'));
      dirs.push(dir);
      const dataDir = join(dir, 'data');
      const go = join(dir, 'go');
      const env = { ...process.env, KESU_DATA_DIR: dataDir, KESU_SECRET: '', GO_FILE: go };
      const children = Array.from({ length: 6 }, () =>
        run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', child], {
          env,
          cwd: process.cwd(),
        }),
      );
      // Let every child load and spin on the go file before it appears.
      await new Promise((r) => setTimeout(r, 3000));
      writeFileSync(go, '');
      const keys = (await Promise.all(children)).map((c) => c.stdout);
      expect(new Set(keys).size).toBe(1);
      expect(keys[0]).toMatch(/^[0-9a-f]{64}$/);
      expect(existsSync(join(dataDir, 'secret.key'))).toBe(true);
      expect(readdirSync(dataDir)).toEqual(['secret.key']);
    }
  }, 120_000);
});
