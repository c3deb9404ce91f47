/**
 * Print the OpenAPI document as the server publishes it at /api/openapi.json, built on a throwaway
 * SQLite database: `npx tsx scripts/openapi-doc.ts > openapi.json` (then `npx redocly lint openapi.json`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { buildApp } from '../src/server/app.js';

export async function openApiDocument(): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'kesu-openapi-'));
  try {
    const { app, handle } = await openApp(loadConfig({ KESU_DATA_DIR: dir, LOG_LEVEL: 'silent' }));
    const http = await buildApp(app);
    await http.ready();
    const doc = http.swagger();
    await http.close();
    await handle.close();
    return doc;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  process.stdout.write(`${JSON.stringify(await openApiDocument(), null, 2)}\n`);
