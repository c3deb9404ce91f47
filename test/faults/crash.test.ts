import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/modules/audit/index.js';
import { buildComplaint } from '../support/factories.js';
import { killAll, postJson, sessionCookie, startServe } from '../support/kesu-process.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

const ROUNDS = 3;
/** Registrations fired at once. */
const LANES = 6;
/** Acknowledged registrations in a round before the kill (more are in flight then). */
const KILL_AFTER = 12;

describe.each(DIALECTS)('kill -9 under load on %s', (dialect) => {
  let t: TestApp | undefined;
  let dataDir: string | undefined;
  afterEach(async () => {
    await killAll();
    await t?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no acknowledged complaint, its history or its notices; numbers unique, chains intact', async () => {
    t = await startTestApp(dialect);
    const { org } = t;
    dataDir = mkdtempSync(join(tmpdir(), 'kesu-crash-'));
    const env = { DATABASE_URL: t.url, KESU_DATA_DIR: dataDir };
    const acknowledged: string[] = [];
    let refused = 0;

    for (let round = 0; round < ROUNDS; round++) {
      const kesu = await startServe(env);
      const cookie = await sessionCookie(kesu.url, 'agent');
      let ackedThisRound = 0;
      let killed = false;
      const lane = async () => {
        while (!killed) {
          // A major complaint: its notices to the manager and the executive are written with it.
          const body = buildComplaint(org, { majorReasons: ['injury'] });
          try {
            const res = await postJson(`${kesu.url}/api/v1/complaints`, cookie, body);
            if (res.status === 201 && res.body.number) {
              acknowledged.push(res.body.number);
              if (++ackedThisRound >= KILL_AFTER && !killed) {
                killed = true;
                kesu.child.kill('SIGKILL');
              }
            } else refused++;
          } catch {
            // the connection died with the process: not acknowledged
          }
        }
      };
      await Promise.all(Array.from({ length: LANES }, lane));
      expect((await kesu.exited).signal).toBe('SIGKILL');
    }

    // Restarted after the last kill, it serves every acknowledged complaint.
    const kesu = await startServe(env);
    const cookie = await sessionCookie(kesu.url, 'agent');
    let found = 0;
    for (const number of acknowledged) {
      const res = await fetch(`${kesu.url}/api/v1/complaints/${number}`, { headers: { cookie } });
      if (res.status === 200) found++;
      await res.arrayBuffer();
    }
    const db = t.app.db;
    const rows = await db
      .selectFrom('complaints')
      .select(['id', 'number'])
      .where('number', 'in', acknowledged)
      .execute();
    expect(rows).toHaveLength(acknowledged.length);
    const ids = rows.map((r) => r.id);
    const registered = await db
      .selectFrom('events')
      .select('stream_id')
      .where('stream_type', '=', 'complaint')
      .where('kind', '=', 'registered')
      .where('stream_id', 'in', ids)
      .execute();
    expect(new Set(registered.map((e) => e.stream_id)).size).toBe(ids.length);
    const notices = await db
      .selectFrom('notifications')
      .select(['id', 'complaint_id', 'channel'])
      .where('complaint_id', 'in', ids)
      .execute();
    expect(new Set(notices.map((n) => n.complaint_id)).size).toBe(ids.length);
    // Every notice that leaves by a channel has its sending job.
    const outgoing = notices.filter((n) => n.channel !== 'inbox').map((n) => `notice:${n.id}`);
    if (outgoing.length) {
      const jobs = await db.selectFrom('jobs').select('key').where('key', 'in', outgoing).execute();
      expect(jobs).toHaveLength(outgoing.length);
    }
    const numbers = await sql<{ all: number; distinct: number }>`
      select count(*) as "all", count(distinct number) as "distinct" from complaints`.execute(db);
    expect(Number(numbers.rows[0]?.all)).toBe(Number(numbers.rows[0]?.distinct));
    expect(await verifyChain(db)).toMatchObject({ intact: true });
    expect(found).toBe(acknowledged.length);
    console.log(
      `crash ${dialect}: rounds ${ROUNDS}, acknowledged ${acknowledged.length}, found ${found}, lost ${acknowledged.length - found}` +
        ` (refused ${refused})`,
    );
  }, 600_000);
});
