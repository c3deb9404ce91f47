import { existsSync } from 'node:fs';
import net from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { createDatabase, startPostgres } from './postgres-server.js';
import { DIALECTS } from './test-app.js';

async function query<R extends pg.QueryResultRow>(url: string, sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

function portIsOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe.skipIf(!DIALECTS.includes('postgres'))('test PostgreSQL server (globalSetup)', () => {
  const adminUrl = inject('pgUrl');

  test('is provided to tests via inject() and the environment', () => {
    expect(adminUrl).toMatch(/^postgres:\/\//);
    expect(process.env.KESU_TEST_PG_URL).toBe(adminUrl);
  });

  test('answers select version()', async () => {
    const [row] = await query<{ version: string }>(adminUrl, 'select version()');
    expect(row?.version).toMatch(/^PostgreSQL \d+/);
  });

  test('createDatabase gives a usable, isolated database', async () => {
    const suffix = `${process.pid}_${Date.now()}`;
    const urlA = await createDatabase(adminUrl, `harness_a_${suffix}`);
    const urlB = await createDatabase(adminUrl, `harness_b_${suffix}`);
    expect(new URL(urlA).pathname).toBe(`/harness_a_${suffix}`);

    await query(urlA, 'create table t (id int primary key, note text)');
    await query(urlA, "insert into t values (1, '客诉')");
    expect(await query<{ note: string }>(urlA, 'select note from t')).toEqual([{ note: '客诉' }]);
    const [db] = await query<{ db: string }>(urlA, 'select current_database() as db');
    expect(db?.db).toBe(`harness_a_${suffix}`);

    const [b] = await query<{ t: string | null }>(urlB, "select to_regclass('public.t')::text as t");
    expect(b?.t).toBeNull();
  });

  test('createDatabase rejects unsafe names', async () => {
    await expect(createDatabase(adminUrl, 'x"; drop database postgres; --')).rejects.toThrow(
      /invalid database name/,
    );
    await expect(createDatabase(adminUrl, 'Upper')).rejects.toThrow(/invalid database name/);
  });
});

describe.skipIf(!DIALECTS.includes('postgres'))('startPostgres()', () => {
  let stop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await stop?.();
  });

  test('starts a separate server and stop() shuts it down and removes its files', async () => {
    const server = await startPostgres();
    stop = server.stop;
    const port = Number(new URL(server.url).port);
    expect(port).not.toBe(Number(new URL(inject('pgUrl')).port));

    const [row] = await query<{ dir: string }>(server.url, "select current_setting('data_directory') as dir");
    const dataDir = row?.dir ?? '/nonexistent';
    expect(existsSync(dataDir)).toBe(true);
    const [fsync] = await query<{ fsync: string }>(server.url, "select current_setting('fsync') as fsync");
    expect(fsync?.fsync).toBe('off');

    await server.stop();
    await server.stop(); // idempotent
    expect(await portIsOpen(port)).toBe(false);
    expect(existsSync(dataDir)).toBe(false);
  });
});
