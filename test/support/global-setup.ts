/**
 * Vitest globalSetup of the database tests: one PostgreSQL server for the whole test run, unless
 * KESU_TEST_DIALECTS leaves PostgreSQL out. (The browser tests' setup, building the console, is
 * web-setup.ts.)
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
import type { TestProject } from 'vitest/node';
import { testDialects } from './dialects.js';
import { startPostgres } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the test PostgreSQL server. */
    pgUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The starter classifier trains for seconds the first time (ADR 0040): once here, into its cache,
  // rather than in every test worker and every `kesu` process the tests start at the same moment.
  const { STARTER_MODELS, starterModel } = await import('../../src/modules/classifier/index.js');
  for (const name of STARTER_MODELS) starterModel(name);
  const existing = process.env.KESU_TEST_PG_URL;
  if (existing || !testDialects().includes('postgres')) {
    project.provide('pgUrl', existing ?? '');
    return async () => {};
  }

  const server = await startPostgres();
  process.env.KESU_TEST_PG_URL = server.url;
  project.provide('pgUrl', server.url);
  return async () => {
    delete process.env.KESU_TEST_PG_URL;
    await server.stop();
  };
}
