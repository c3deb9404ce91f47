import fc from 'fast-check';
import type { Db } from '../../src/db/database.js';
import type { ComplaintUpdate } from '../../src/db/schema.js';
import { appendEvent } from '../../src/modules/audit/index.js';
import type { DemoOrganisation } from '../../src/seed/demo.js';

/** Generated histories for the statistics: complaints changed step by step, each change an event on its stream. */

const HOUR = 3_600_000;
// Local midnight Asia/Shanghai of 2026-12-01 (16:00 UTC the day before): days turn here.
export const MIDNIGHT = Date.UTC(2026, 10, 30, 16);
export const UNITS = ['pudong', 'nanshan', 'service', 'shanghai'] as const;
const STAGES = ['first_response', 'dispatch', 'reply'] as const;
const CHANNELS = ['phone', 'web', 'wechat', 'regulator'] as const;

const instant = fc.oneof(
  fc.integer({ min: MIDNIGHT - 40 * HOUR, max: MIDNIGHT + 40 * HOUR }),
  fc.constantFrom(MIDNIGHT - 1, MIDNIGHT, MIDNIGHT + 24 * HOUR - 1, MIDNIGHT - 24 * HOUR),
);

const complaint = fc.record({
  receivedAt: instant,
  unit: fc.constantFrom(...UNITS),
  channel: fc.constantFrom(...CHANNELS),
  priority: fc.constantFrom('P1', 'P2', 'P3', 'P4'),
  grade: fc.constantFrom('general', 'major'),
  region: fc.option(fc.constantFrom('上海', '深圳')),
  firstContact: fc.boolean(),
  repeat: fc.boolean(),
});

const step = fc.oneof(
  fc.record({ op: fc.constant('transfer' as const), i: fc.nat(), unit: fc.constantFrom(...UNITS) }),
  fc.record({ op: fc.constant('reopen' as const), i: fc.nat() }),
  fc.record({ op: fc.constant('close' as const), i: fc.nat() }),
  fc.record({ op: fc.constant('merge' as const), i: fc.nat(), into: fc.nat() }),
  fc.record({
    op: fc.constant('judge' as const),
    i: fc.nat(),
    validity: fc.constantFrom('valid', 'invalid'),
    liable: fc.constantFrom('company', 'customer', 'none'),
  }),
  fc.record({ op: fc.constant('appeal' as const), i: fc.nat() }),
  fc.record({ op: fc.constant('survey' as const), i: fc.nat(), score: fc.integer({ min: 0, max: 10 }) }),
  fc.record({
    op: fc.constant('remedy' as const),
    i: fc.nat(),
    amount: fc.integer({ min: 0, max: 50_000 }),
    approved: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('meet' as const),
    i: fc.nat(),
    stage: fc.constantFrom(...STAGES),
    minutes: fc.integer({ min: 0, max: 5000 }),
  }),
  fc.record({ op: fc.constant('follow' as const) }),
);

export const historyArb = fc.record({
  complaints: fc.array(complaint, { minLength: 1, maxLength: 12 }),
  steps: fc.array(step, { maxLength: 30 }),
});
export type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;
export type Step = History['steps'][number];

/** `n` complaints without steps, `every` ms apart from `from`, in turn in each unit, some by web, some major, some first contact. */
export function evenHistory(n: number, from: number, every: number): History {
  return {
    complaints: Array.from({ length: n }, (_, i) => ({
      receivedAt: from + i * every,
      unit: UNITS[i % UNITS.length] ?? 'pudong',
      channel: i % 5 === 0 ? 'web' : 'phone',
      priority: 'P3',
      grade: i % 7 === 0 ? 'major' : 'general',
      region: null,
      firstContact: i % 3 === 0,
      repeat: false,
    })),
    steps: [],
  };
}

/** Empties the complaints and statistics, then writes the complaints; returns their ids. */
export async function writeComplaints(db: Db, org: DemoOrganisation, h: History): Promise<number[]> {
  const units = await db.selectFrom('units').select(['id', 'path']).execute();
  const unit = (key: string) => {
    const id = org.unitIds.get(key) ?? 0;
    return { id, path: units.find((u) => u.id === id)?.path ?? '' };
  };
  const category = [...org.categoryIds.values()][0] ?? 0;
  const agent = org.userIds.get('agent') ?? 0;
  const ids: number[] = [];
  await db.transaction().execute(async (tx) => {
    for (const table of [
      'satisfaction_surveys',
      'complaint_deadlines',
      'remedy_proposals',
      'stats_facts',
      'stats_fact_stages',
      'stats_fact_remedies',
      'stats_totals',
      'stats_counts',
      'stats_hours',
      'stats_stages',
      'stats_remedies',
    ] as const)
      await tx.deleteFrom(table).execute();
    await tx.deleteFrom('complaints').execute();
    let n = 0;
    for (const c of h.complaints) {
      n++;
      const u = unit(c.unit);
      const { id } = await tx
        .insertInto('complaints')
        .values({
          number: `KS-S-${n}-${c.receivedAt}`,
          status: c.firstContact ? 'resolved' : 'investigating',
          channel: c.channel,
          received_at: c.receivedAt,
          registered_at: c.receivedAt,
          registered_by: agent,
          intake_unit_id: u.id,
          intake_unit_path: u.path,
          complainant_name: '测试',
          identity_verified: 0,
          title: '生成的投诉',
          content: '生成的投诉',
          demands: '[]',
          category_id: category,
          category_confirmed: 0,
          priority: c.priority,
          grade: c.grade,
          major_reasons: '[]',
          tags: '[]',
          unit_id: u.id,
          unit_path: u.path,
          escalation_level: 0,
          reopen_count: 0,
          region: c.region,
          repeat_complaint: c.repeat ? 1 : 0,
          resolved_at: c.firstContact ? c.receivedAt : null,
          updated_at: c.receivedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(id);
      await appendEvent(tx, {
        streamType: 'complaint',
        streamId: id,
        actorId: agent,
        at: c.receivedAt,
        kind: 'registered',
        data: {},
        newStream: true,
      });
    }
  });
  return ids;
}

/** Applies one step to the complaints (rows and an event, in one transaction). */
export async function applyStep(
  db: Db,
  org: DemoOrganisation,
  ids: readonly number[],
  s: Exclude<Step, { op: 'follow' }>,
  at: number,
): Promise<void> {
  const id = ids[s.i % ids.length] ?? 0;
  const agent = org.userIds.get('agent') ?? 0;
  await db.transaction().execute(async (tx) => {
    const c = await tx.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    if (c.merged_into_id !== null) return;
    const event = (kind: string, data: Record<string, unknown>) =>
      appendEvent(tx, { streamType: 'complaint', streamId: id, actorId: agent, at, kind, data });
    const update = (set: ComplaintUpdate) =>
      tx.updateTable('complaints').set(set).where('id', '=', id).execute();
    switch (s.op) {
      case 'transfer': {
        const units = await tx.selectFrom('units').select(['id', 'path']).execute();
        const u = units.find((x) => x.id === org.unitIds.get(s.unit));
        if (!u) return;
        await update({ unit_id: u.id, unit_path: u.path });
        return void (await event('transferred', { unitId: u.id }));
      }
      case 'reopen':
        await update({ status: 'investigating', reopen_count: c.reopen_count + 1, resolved_at: null });
        return void (await event('reopened', {}));
      case 'close':
        await update({ status: 'closed', resolved_at: c.resolved_at ?? at, closed_at: at });
        return void (await event('closed', {}));
      case 'merge': {
        const into = ids[s.into % ids.length] ?? 0;
        if (into === id) return;
        await update({ status: 'merged', merged_into_id: into });
        return void (await event('merged', { into }));
      }
      case 'judge':
        await update({ validity: s.validity, liable_party: s.liable, judged_at: at });
        return void (await event('judged', { validity: s.validity }));
      case 'appeal': {
        if (c.validity === null) return;
        const validity = c.validity === 'valid' ? 'invalid' : 'valid';
        await update({ validity });
        return void (await event('judgement_revised', { validity }));
      }
      case 'survey': {
        const v = 1 + (s.score % 5);
        // One survey per source and complaint.
        const source = (['portal', 'phone', 'return_visit'] as const)[s.score % 3] ?? 'portal';
        const taken = await tx
          .selectFrom('satisfaction_surveys')
          .select('id')
          .where('complaint_id', '=', id)
          .where('source', '=', source)
          .executeTakeFirst();
        if (taken) return;
        await tx
          .insertInto('satisfaction_surveys')
          .values({
            complaint_id: id,
            speed: v,
            effectiveness: v,
            attitude: 5,
            transparency: 4,
            source,
            recommendation: s.score,
            submitted_at: at,
          })
          .execute();
        return void (await event('survey_submitted', {}));
      }
      case 'remedy':
        await tx
          .insertInto('remedy_proposals')
          .values({
            complaint_id: id,
            kinds: JSON.stringify(s.amount % 2 ? ['refund', 'apology'] : ['compensation']),
            internal_actions: '[]',
            amount: s.amount,
            description: '补偿',
            status: s.approved ? 'approved' : 'rejected',
            required_role: s.amount > 20_000 ? 'manager' : null,
            proposed_by: agent,
            proposed_at: at,
          })
          .execute();
        return void (await event('remedy_decided', {}));
      case 'meet': {
        await tx
          .deleteFrom('complaint_deadlines')
          .where('complaint_id', '=', id)
          .where('stage', '=', s.stage)
          .execute();
        await tx
          .insertInto('complaint_deadlines')
          .values({
            complaint_id: id,
            stage: s.stage,
            mode: 'clock',
            limit_ms: 60 * 60_000,
            started_at: c.received_at,
            due_at: c.received_at + 60 * 60_000,
            paused_ms: 0,
            met_at: c.received_at + s.minutes * 60_000,
          })
          .execute();
        return void (await event('stage_met', { stage: s.stage }));
      }
    }
  });
}
