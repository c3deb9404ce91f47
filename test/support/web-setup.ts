/** Vitest globalSetup of the browser tests: build the console once per run into a private directory, so that they see this checkout's web/. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';

export default async function setup(): Promise<() => void> {
  const out = mkdtempSync(join(tmpdir(), 'kesu-web-'));
  process.env.KESU_WEB_DIST = out;
  await build({ configFile: resolve(import.meta.dirname, '../../web/vite.config.ts'), logLevel: 'warn' });
  return () => rmSync(out, { recursive: true, force: true });
}
