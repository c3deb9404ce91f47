import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { fixedClock } from '../../src/lib/clock.js';
import { CLOCKS_UPGRADED, upgradeOpenClocks } from '../../src/modules/sla/index.js';
import { type Client, tokenClient } from '../support/client.js';
import { buildComplaint, judgement, remedy } from '../support/factories.js';
import { runKesu } from '../support/kesu-command.js';
import { DIALECTS, startTestApp, TEST_SECRET, type TestApp } from '../support/test-app.js';

const HOUR = 3_600_000;

const deadlinesOf = async (app: AppContext, complaintId: number) =>
  Object.fromEntries(
    (
      await app.db
        .selectFrom('complaint_deadlines')
        .select(['stage', 'started_at', 'due_at', 'met_at', 'paused_at', 'paused_ms', 'limit_ms', 'mode'])
        .where('complaint_id', '=', complaintId)
        .execute()
    ).map((d) => [d.stage, d]),
  );

/**
 * A database written by Kesu 0.1 before issue 13 (test/fixtures/make-kesu-0.1-fixture.ts.txt, run on
 * commit 40fda92): the demo complaints plus one waiting for the customer's evidence and a letter
 * registered 5 hours after its receipt, with the clocks of the old rules.
 */
describe('upgrading a database of the previous version to clocks counted as the procedures say', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kesu-upgrade-'));
  const file = join(dir, 'kesu.db');
  const env = {
    ...process.env,
    KESU_DATA_DIR: dir,
    DATABASE_URL: `sqlite:${file}`,
    KESU_SECRET: TEST_SECRET,
  };
  let app: AppContext;
  let close: () => Promise<void>;
  beforeAll(async () => {
    copyFileSync('test/fixtures/kesu-0.1-open-complaints.sqlite', file);
    const opened = await openApp(loadConfig(env));
    app = opened.app;
    close = () => opened.handle.close();
  });
  afterAll(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  const complaint = (number: string) =>
    app.db.selectFrom('complaints').selectAll().where('number', '=', number).executeTakeFirstOrThrow();
  const lastEvent = async (id: number) =>
    app.db
      .selectFrom('events')
      .select(['kind', 'data'])
      .where('stream_type', '=', 'complaint')
      .where('stream_id', '=', id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();

  it('recomputes every open complaint from its history and says so in it', async () => {
    // The letter: received 5 h before it was registered; its clocks now run from the receipt.
    const letter = await complaint('KS20261204-000008');
    const d = await deadlinesOf(app, letter.id);
    expect(d.register?.started_at).toBe(letter.received_at);
    expect(d.whole?.due_at).toBe(letter.received_at + 72 * HOUR);
    expect(d.investigation?.met_at).not.toBeNull();
    // Investigating without an evidence request: the old 3-hour evidence clock is gone.
    expect(d.evidence_request).toBeUndefined();
    const event = await lastEvent(letter.id);
    expect(event.kind).toBe('clocks_recomputed');
    const data = JSON.parse(event.data);
    expect(data.reason).toBe('upgrade');
    expect(data.clocks.dropped).toEqual(['evidence_request']);
    expect(data.clocks.recomputed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ stage: 'whole' }),
        expect.objectContaining({ stage: 'register' }),
      ]),
    );
    expect(letter.due_at).toBe(
      Math.min(
        ...Object.values(d)
          .filter((x) => x.met_at === null && x.paused_at === null)
          .map((x) => x.due_at),
      ),
    );
  });

  it('runs the evidence clock of a complaint waiting for the customer, and the proposal clock instead of the approver', async () => {
    const waiting = await complaint('KS20261204-000007');
    const w = await deadlinesOf(app, waiting.id);
    expect(w.evidence_request).toMatchObject({ met_at: null, paused_at: null, mode: 'working' });
    expect(w.whole?.paused_at).not.toBeNull();
    const proposed = await complaint('KS20261204-000003');
    const p = await deadlinesOf(app, proposed.id);
    expect(p.approval).toBeUndefined();
    expect(p.proposal?.met_at).not.toBeNull();
  });

  it("starts the referring authority's own clock", async () => {
    const referral = await app.db
      .selectFrom('complaints')
      .selectAll()
      .where('channel', '=', 'regulator')
      .executeTakeFirstOrThrow();
    const d = await deadlinesOf(app, referral.id);
    expect(d.external).toMatchObject({ due_at: referral.referral_due_at, met_at: null });
  });

  it('leaves closed complaints alone, runs once, and keeps every hash chain intact', async () => {
    const closed = await app.db
      .selectFrom('complaints')
      .select('id')
      .where('status', '=', 'closed')
      .execute();
    for (const c of closed) expect((await lastEvent(c.id)).kind).not.toBe('clocks_recomputed');
    expect(await upgradeOpenClocks(app)).toBe(0);
    const marker = await app.db
      .selectFrom('settings')
      .select('key')
      .where('key', '=', CLOCKS_UPGRADED)
      .execute();
    expect(marker).toHaveLength(1);
    const verify = await runKesu(env, 'audit', 'verify');
    expect(verify.stdout).toMatch(/^intact \(\d+ events in \d+ streams\)/);
  }, 60_000);
});

/** The replay the upgrade uses gives exactly the clocks the live events wrote. */
describe.each(DIALECTS)('clocks replayed from the history on %s', (dialect) => {
  let t: TestApp;
  let agent: Client;
  let handler: Client;
  const clock = fixedClock(Date.parse('2026-03-16T10:00:00+08:00'));
  beforeAll(async () => {
    t = await startTestApp(dialect, { clock });
    agent = await tokenClient(t, 'agent');
    handler = await tokenClient(t, 'handler');
  });
  afterAll(() => t.close());

  it('rebuilds the same deadlines from the history as the actions wrote', async () => {
    const numbers: string[] = [];
    for (const step of [0, 1, 2, 3]) {
      const number = (
        await agent.ok(
          'POST',
          '/api/v1/complaints',
          buildComplaint(t.org, { receivedAt: new Date(clock.now() - 2 * HOUR).toISOString() }),
        )
      ).number as string;
      numbers.push(number);
      if (step < 1) continue;
      await agent.ok('POST', `/api/v1/complaints/${number}/accept`);
      await agent.ok('POST', `/api/v1/complaints/${number}/assign`, {
        unitId: t.org.unitIds.get('pudong'),
        assigneeId: t.org.userIds.get('handler'),
      });
      clock.advance(HOUR);
      if (step < 2) continue;
      await handler.ok('POST', `/api/v1/complaints/${number}/start`);
      await handler.ok('POST', `/api/v1/complaints/${number}/request-info`, { reason: '请提供照片' });
      clock.advance(3 * HOUR);
      if (step < 3) continue;
      await handler.ok('POST', `/api/v1/complaints/${number}/resume`);
      await handler.ok('PUT', `/api/v1/complaints/${number}/judgement`, judgement);
      await handler.ok('POST', `/api/v1/complaints/${number}/remedies`, remedy(50_000));
    }
    const ids = (
      await t.app.db
        .selectFrom('complaints')
        .select('id')
        .where('number', 'in', numbers)
        .orderBy('id')
        .execute()
    ).map((r) => r.id);
    const live = await Promise.all(ids.map((id) => deadlinesOf(t.app, id)));
    await t.app.db.deleteFrom('complaint_deadlines').where('complaint_id', 'in', ids).execute();
    await t.app.db.deleteFrom('settings').where('key', '=', CLOCKS_UPGRADED).execute();
    expect(await upgradeOpenClocks(t.app)).toBe(ids.length);
    expect(await Promise.all(ids.map((id) => deadlinesOf(t.app, id)))).toEqual(live);
  });
});
