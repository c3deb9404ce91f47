/**
 * Vitest globalSetup: one PostgreSQL server for the whole test run.
 *
 * If KESU_TEST_PG_URL is already set, that server is used as is (nothing is started or
 * stopped). Otherwise a private server is started with startPostgres() and stopped when
 * the run ends.
 *
 * Tests get the admin URL (superuser, database `postgres`) either way:
 *   - `inject('pgUrl')` from 'vitest' (typed by the ProvidedContext augmentation below), or
 *   - `process.env.KESU_TEST_PG_URL` (set here before workers are forked, so they inherit it).
 * Tests should create their own database with createDatabase(url, name) rather than
 * writing to `postgres`, since test files run in parallel against the same server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the test PostgreSQL server. */
    pgUrl: string;
  }
}

/** Build the console once per run into a private directory, so that browser tests see this checkout's web/. */
async function buildWeb(): Promise<() => void> {
  const out = mkdtempSync(join(tmpdir(), 'kesu-web-'));
  process.env.KESU_WEB_DIST = out;
  await build({ configFile: resolve(import.meta.dirname, '../../web/vite.config.ts'), logLevel: 'warn' });
  return () => rmSync(out, { recursive: true, force: true });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const removeWeb = await buildWeb();
  const existing = process.env.KESU_TEST_PG_URL;
  if (existing) {
    project.provide('pgUrl', existing);
    return async () => removeWeb();
  }

  const server = await startPostgres();
  process.env.KESU_TEST_PG_URL = server.url;
  project.provide('pgUrl', server.url);
  return async () => {
    delete process.env.KESU_TEST_PG_URL;
    await server.stop();
    removeWeb();
  };
}
