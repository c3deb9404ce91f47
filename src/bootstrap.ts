import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { type DatabaseHandle, openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { waitForDatabase } from './db/wait-for-database.js';
import { systemClock } from './lib/clock.js';
import { checkSecretKey, sealLegacyPersonalData } from './modules/privacy/index.js';
import { backfillSearchIndex } from './modules/search/index.js';
import { upgradeOpenClocks } from './modules/sla/index.js';

/**
 * Open the configured database, bring its schema up to date and build the module context.
 * `server`: a long-running process (`kesu serve`, `kesu worker`), which keeps a page cache.
 */
export async function openApp(
  config: Config,
  { server = false }: { server?: boolean } = {},
): Promise<{ app: AppContext; handle: DatabaseHandle }> {
  const handle = openDatabase(config.databaseUrl, {
    backgroundCheckpoints: true,
    ...(server ? { pageCacheMiB: config.sqliteCacheMiB } : {}),
  });
  try {
    await waitForDatabase(handle.db, { seconds: config.dbWaitSeconds });
    await migrateToLatest(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  const app: AppContext = {
    db: handle.db,
    dialect: handle.dialect,
    clock: systemClock,
    config: {
      timeZone: config.timeZone,
      secret: config.secret,
      publicUrl: config.publicUrl,
      dataDir: config.dataDir,
      databaseUrl: config.databaseUrl,
    },
  };
  try {
    await checkSecretKey(app, config);
  } catch (error) {
    await handle.close();
    throw error;
  }
  await sealLegacyPersonalData(app);
  await backfillSearchIndex(app);
  await upgradeOpenClocks(app);
  return { handle, app };
}
