/**
 * Kesu in-process for the diagnostics (query-count, request-count, follow-hold): a migrated database
 * with the demo organisation, the HTTP app for `inject`, and API tokens for the demo users. Install any
 * driver instrumentation (lib/sql-stats.ts) before calling it.
 */
import os from 'node:os';
import type { AppContext } from '../../src/context.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { systemClock } from '../../src/lib/clock.js';
import { seedDemoOrganisation } from '../../src/seed/demo.js';
import { buildApp } from '../../src/server/app.js';

const PASSWORD = 'bench-password';

export async function startInProcess(url: string, dataDir = os.tmpdir()) {
  const handle = openDatabase(url);
  await migrateToLatest(handle.db);
  const app: AppContext = {
    db: handle.db,
    dialect: handle.dialect,
    clock: systemClock,
    config: {
      timeZone: 'Asia/Shanghai',
      secret: Buffer.alloc(32, 7),
      publicUrl: 'http://127.0.0.1',
      dataDir,
    },
  };
  const org = await seedDemoOrganisation(app, PASSWORD);
  const http = await buildApp(app);
  const login = await http.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'admin', password: PASSWORD },
  });
  const cookie = login.cookies.find((c) => c.name === 'kesu_session');
  if (!cookie) throw new Error(`login failed: ${login.body}`);
  /** A bearer token of a demo user, made by the admin. */
  const tokenFor = async (username: string) => {
    const res = await http.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      cookies: { kesu_session: cookie.value },
      payload: { name: `bench ${username}`, userId: org.userIds.get(username) },
    });
    if (res.statusCode !== 201 && res.statusCode !== 200)
      throw new Error(`token: HTTP ${res.statusCode}: ${res.body}`);
    return (res.json() as { token: string }).token;
  };
  const close = async () => {
    await http.close();
    await handle.close();
  };
  return { app, http, org, tokenFor, close };
}
