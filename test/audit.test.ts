import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../src/modules/audit/index.js';
import { type Client, login } from './support/client.js';
import { buildComplaint } from './support/factories.js';
import { tamperWithEvents } from './support/tamper.js';
import { DIALECTS, startTestApp, type TestApp } from './support/test-app.js';

describe.each(DIALECTS)('the hash-chained history on %s', (dialect) => {
  let t: TestApp;
  let agent: Client;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await login(t.http, 'agent');
    for (let i = 0; i < 3; i++) {
      const { number } = await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org));
      await agent.ok('POST', `/api/v1/complaints/${number}/accept`);
    }
  });
  afterAll(() => t.close());

  const tamper = (statement: ReturnType<typeof sql>) => tamperWithEvents(t.app.db, dialect, statement);

  it('is intact after normal work', async () => {
    const report = await verifyChain(t.app.db);
    expect(report).toMatchObject({ intact: true });
    expect(report.events).toBeGreaterThan(6);
  });

  it('refuses updates and deletes of events in the database itself', async () => {
    await expect(sql`update events set comment = 'x'`.execute(t.app.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from events`.execute(t.app.db)).rejects.toThrow(/append-only/);
  });

  it('names the first event whose row was edited by hand', async () => {
    const victim = await t.app.db
      .selectFrom('events')
      .select(['id', 'stream_id', 'seq'])
      .where('stream_type', '=', 'complaint')
      .where('kind', '=', 'accepted')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await tamper(sql`update events set comment = 'edited later' where id = ${victim.id}`);
    expect(await verifyChain(t.app.db)).toMatchObject({
      intact: false,
      eventId: victim.id,
      streamType: 'complaint',
      streamId: victim.stream_id,
      seq: victim.seq,
      reason: 'hash_mismatch',
    });
    await tamper(sql`update events set comment = null where id = ${victim.id}`);
    expect(await verifyChain(t.app.db)).toMatchObject({ intact: true });
  });

  /** Delete one event, check the report, put it back and check the chain is whole again. */
  const deleteAndRestore = async (id: number, expected: Record<string, unknown>) => {
    const row = await t.app.db
      .selectFrom('events')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await tamper(sql`delete from events where id = ${id}`);
    expect(await verifyChain(t.app.db)).toMatchObject({ intact: false, ...expected });
    await t.app.db.insertInto('events').values(row).execute();
    expect(await verifyChain(t.app.db)).toMatchObject({ intact: true });
  };

  it('notices the last event of a chain deleted', async () => {
    const last = await t.app.db
      .selectFrom('events')
      .selectAll()
      .where('stream_type', '=', 'complaint')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    await deleteAndRestore(last.id, { eventId: null, streamId: last.stream_id, reason: 'head_mismatch' });
  });

  it('notices an event deleted from the middle of a chain, naming the one after the gap', async () => {
    const { number } = await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org));
    await agent.ok('POST', `/api/v1/complaints/${number}/accept`);
    await agent.ok('POST', `/api/v1/complaints/${number}/assign`, {});
    const events = await t.app.db
      .selectFrom('events')
      .innerJoin('complaints', 'complaints.id', 'events.stream_id')
      .select(['events.id', 'events.stream_id', 'events.seq'])
      .where('events.stream_type', '=', 'complaint')
      .where('complaints.number', '=', number)
      .orderBy('events.seq')
      .execute();
    expect(events).toHaveLength(3);
    await deleteAndRestore(events[1]?.id ?? 0, { eventId: events[2]?.id, seq: 3, reason: 'seq_gap' });
  });
});
