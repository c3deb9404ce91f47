import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppContext } from '../../src/context.js';
import { type DatabaseHandle, type Dialect, openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { type Clock, systemClock } from '../../src/lib/clock.js';
import { type DemoOrganisation, seedDemoOrganisation } from '../../src/seed/demo.js';
import { type AppOptions, buildApp } from '../../src/server/app.js';
import type { Http } from '../../src/server/http.js';
import { testDialects } from './dialects.js';
import { createDatabase } from './postgres-server.js';

/** Every database test runs on each of these (KESU_TEST_DIALECTS narrows them, see dialects.ts). */
export const DIALECTS: Dialect[] = testDialects();
export const PASSWORD = 'test-password-1';
/** The secret test apps seal personal data with, as KESU_SECRET for the Kesu processes a test starts. */
export const TEST_SECRET = '\x07'.repeat(32);

export interface TestApp {
  app: AppContext;
  http: Http;
  handle: DatabaseHandle;
  org: DemoOrganisation;
  /** The database URL, for raw access in tests that tamper with it. */
  url: string;
  close(): Promise<void>;
}

/** A fresh database of the given dialect, migrated; SQLite in a temp dir, PostgreSQL as a new database on the test server. */
export async function freshDatabase(dialect: Dialect): Promise<{ url: string; cleanup(): void }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'kesu-test-'));
    return {
      url: `sqlite:${join(dir, 'kesu.db')}`,
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const admin = process.env.KESU_TEST_PG_URL;
  if (!admin) throw new Error('KESU_TEST_PG_URL is not set: the vitest global setup starts PostgreSQL');
  const url = await createDatabase(admin, `kesu_${randomBytes(6).toString('hex')}`);
  return { url, cleanup: () => {} };
}

/** A migrated database with the demo organisation (units, one user per role, express categories) and the HTTP app. */
export async function startTestApp(
  dialect: Dialect,
  options: { clock?: Clock; appOptions?: AppOptions } = {},
): Promise<TestApp> {
  const { url, cleanup } = await freshDatabase(dialect);
  const dataDir = mkdtempSync(join(tmpdir(), 'kesu-data-'));
  const handle = openDatabase(url);
  await migrateToLatest(handle.db);
  const app: AppContext = {
    db: handle.db,
    dialect,
    clock: options.clock ?? systemClock,
    config: {
      timeZone: 'Asia/Shanghai',
      secret: Buffer.from(TEST_SECRET),
      publicUrl: 'http://kesu.test',
      dataDir,
    },
  };
  const org = await seedDemoOrganisation(app, PASSWORD);
  const http = await buildApp(app, options.appOptions);
  return {
    app,
    http,
    handle,
    org,
    url,
    close: async () => {
      await http.close();
      await handle.close();
      cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
