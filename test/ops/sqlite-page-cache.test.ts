import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openApp } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { TEST_SECRET } from '../support/test-app.js';

describe("SQLite's page cache of the long-running processes", () => {
  const dir = mkdtempSync(join(tmpdir(), 'kesu-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = (more: Record<string, string> = {}) => ({
    ...process.env,
    KESU_DATA_DIR: dir,
    DATABASE_URL: `sqlite:${join(dir, 'kesu.db')}`,
    KESU_SECRET: TEST_SECRET,
    ...more,
  });
  /** SQLite's cache_size of the connection: negative is KiB. */
  async function cacheKiB(server: boolean, more?: Record<string, string>): Promise<number> {
    const { handle } = await openApp(loadConfig(env(more)), { server });
    try {
      const { rows } = await sql<{ cache_size: number }>`pragma cache_size`.execute(handle.db);
      return -(rows[0]?.cache_size ?? 0);
    } finally {
      await handle.close();
    }
  }

  it('is 256 MiB for kesu serve and kesu worker, KESU_SQLITE_CACHE_MB otherwise', async () => {
    expect(await cacheKiB(true)).toBe(256 * 1024);
    expect(await cacheKiB(true, { KESU_SQLITE_CACHE_MB: '64' })).toBe(64 * 1024);
  });

  it("leaves one-shot commands (an export, a backup) at the driver's default, which keeps their memory low", async () => {
    const bare = new SQLite(':memory:');
    const driverDefault = -(bare.pragma('cache_size', { simple: true }) as number);
    bare.close();
    expect(await cacheKiB(false)).toBe(driverDefault);
    expect(driverDefault).toBeLessThan(64 * 1024);
  });

  it('refuses a setting that is not a size, naming it', () => {
    expect(() => loadConfig(env({ KESU_SQLITE_CACHE_MB: 'lots' }))).toThrow(/KESU_SQLITE_CACHE_MB/);
    expect(() => loadConfig(env({ KESU_SQLITE_CACHE_MB: '0' }))).toThrow(/at least 1/);
  });
});
