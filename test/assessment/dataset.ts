import fc from 'fast-check';
import type { Db } from '../../src/db/database.js';
import type { DemoOrganisation } from '../../src/seed/demo.js';

/** A generated history for the assessment: complaints with their judgements, clocks, surveys, remedies; checks; volumes. */

// Asia/Shanghai month starts (UTC+8, no DST): 2026-10-01, 2026-11-01, 2026-12-01 local midnight.
export const OCT = Date.UTC(2026, 8, 30, 16);
export const NOV = Date.UTC(2026, 9, 31, 16);
export const DEC = Date.UTC(2026, 10, 30, 16);
const HOUR = 3_600_000;

export const PEOPLE = ['handler', 'handler2', 'agent', 'supervisor'] as const;
export const UNITS = ['pudong', 'nanshan', 'service', 'shanghai'] as const;
export const STAGES = ['first_response', 'dispatch', 'reply', 'whole'] as const;
export const KINDS = ['major', 'service_conduct', 'business_error', 'minor_slip'] as const;
type Person = (typeof PEOPLE)[number];
type UnitKey = (typeof UNITS)[number];

// Instants from two days before October to two days into December, with the month edges likely.
const instant = fc.oneof(
  fc.integer({ min: OCT - 48 * HOUR, max: DEC + 48 * HOUR }),
  fc.constantFrom(OCT - 1, OCT, NOV - 1, NOV, DEC - 1, DEC),
);

const deadline = fc.record({
  dueIn: fc.integer({ min: 1, max: 100 }).map((h) => h * HOUR),
  // met before, at or after the due time, or never met (breached or still running)
  met: fc.constantFrom('early', 'at', 'late', 'never'),
  breached: fc.boolean(),
});

const complaint = fc.record({
  unit: fc.constantFrom(...UNITS),
  receivedAt: instant,
  registeredAfter: fc.integer({ min: 0, max: 5 * HOUR }),
  grade: fc.constantFrom('general', 'major'),
  staffComplained: fc.option(fc.constantFrom(...PEOPLE)),
  assignee: fc.option(fc.constantFrom(...PEOPLE)),
  judgement: fc.option(
    fc.record({
      at: instant,
      person: fc.option(fc.constantFrom(...PEOPLE)),
      unit: fc.option(fc.constantFrom(...UNITS)),
      valid: fc.boolean(),
      kind: fc.constantFrom(...KINDS),
    }),
  ),
  // resolved: on first contact (at registration) or some time later, at an instant of its own
  resolution: fc.option(fc.oneof(fc.constant('first_contact' as const), instant)),
  reopenCount: fc.integer({ min: 0, max: 2 }),
  confirmation: fc.constantFrom(null, 'satisfied', 'unsatisfied'),
  deadlines: fc.dictionary(fc.constantFrom(...STAGES), deadline, { maxKeys: 3 }),
  survey: fc.option(
    fc.record({
      speed: fc.integer({ min: 1, max: 5 }),
      effectiveness: fc.integer({ min: 1, max: 5 }),
      attitude: fc.integer({ min: 1, max: 5 }),
      transparency: fc.integer({ min: 1, max: 5 }),
      recommendation: fc.integer({ min: 0, max: 10 }),
    }),
  ),
  remedies: fc.array(
    fc.record({
      amount: fc.integer({ min: 0, max: 50_000 }),
      status: fc.constantFrom('approved', 'rejected', 'pending'),
      fulfilment: fc.constantFrom(null, 'pending', 'done', 'failed', 'cancelled'),
    }),
    { maxLength: 2 },
  ),
});

const check = fc.record({
  handler: fc.constantFrom(...PEOPLE),
  unit: fc.constantFrom(...UNITS),
  period: fc.constantFrom('2026-09', '2026-10', '2026-11', '2026-12'),
  status: fc.constantFrom('draft', 'final', 'overturned'),
  score: fc.integer({ min: 0, max: 100 }),
  revised: fc.option(fc.integer({ min: 0, max: 100 })),
});

const volume = fc.record({
  unit: fc.constantFrom(...UNITS),
  period: fc.constantFrom('2026-10', '2026-11'),
  parcels: fc.option(fc.integer({ min: 1, max: 1_000_000 })),
  orders: fc.option(fc.integer({ min: 1, max: 1_000_000 })),
});

export const datasetArb = fc.record({
  complaints: fc.array(complaint, { maxLength: 30 }),
  checks: fc.array(check, { maxLength: 8 }),
  volumes: fc.uniqueArray(volume, { selector: (v) => `${v.unit}:${v.period}`, maxLength: 6 }),
});
export type Dataset = typeof datasetArb extends fc.Arbitrary<infer T> ? T : never;
export type GeneratedComplaint = Dataset['complaints'][number];

const ANCHOR: GeneratedComplaint = {
  unit: 'service',
  receivedAt: Date.UTC(2020, 0, 1),
  registeredAfter: 0,
  grade: 'general',
  staffComplained: null,
  assignee: null,
  judgement: null,
  resolution: null,
  reopenCount: 0,
  confirmation: null,
  deadlines: {},
  survey: null,
  remedies: [],
};

export const resolvedAt = (c: GeneratedComplaint) =>
  c.resolution === null
    ? null
    : c.resolution === 'first_contact'
      ? c.receivedAt + c.registeredAfter
      : c.resolution;

const metAt = (d: { dueIn: number; met: string }, start: number) =>
  d.met === 'never' ? null : start + d.dueIn + (d.met === 'early' ? -HOUR : d.met === 'at' ? 0 : HOUR);

/** Empties the tables the assessment reads and writes the dataset through the real schema. */
export async function writeDataset(db: Db, org: DemoOrganisation, data: Dataset): Promise<void> {
  const user = (p: Person) => org.userIds.get(p) ?? 0;
  const unitRows = await db.selectFrom('units').select(['id', 'path']).execute();
  const unit = (u: UnitKey) => {
    const id = org.unitIds.get(u) ?? 0;
    return { id, path: unitRows.find((r) => r.id === id)?.path ?? '' };
  };
  const category = [...org.categoryIds.values()][0] ?? 0;
  await db.transaction().execute(async (tx) => {
    for (const table of [
      'satisfaction_surveys',
      'complaint_deadlines',
      'remedy_proposals',
      'quality_checks',
    ] as const)
      await tx.deleteFrom(table).execute();
    await tx.deleteFrom('complaints').execute();
    await tx.deleteFrom('unit_volumes').execute();
    // Each quality check needs a complaint of its own (one check per complaint and period): anchors
    // that lie years before any period asked about.
    const anchors: number[] = [];
    let i = 0;
    for (const c of [...data.checks.map(() => ANCHOR), ...data.complaints]) {
      i++;
      const u = unit(c.unit);
      const registeredAt = c.receivedAt + c.registeredAfter;
      const resolved = resolvedAt(c);
      const j = c.judgement;
      const { id } = await tx
        .insertInto('complaints')
        .values({
          number: `KS-T-${i}`,
          status: resolved === null ? 'investigating' : 'resolved',
          channel: 'phone',
          received_at: c.receivedAt,
          registered_at: registeredAt,
          registered_by: user('agent'),
          intake_unit_id: u.id,
          intake_unit_path: u.path,
          complainant_name: '测试',
          identity_verified: 0,
          title: '生成的投诉',
          content: '生成的投诉',
          demands: '[]',
          category_id: category,
          category_confirmed: 0,
          priority: 'P3',
          grade: c.grade,
          major_reasons: '[]',
          tags: '[]',
          unit_id: u.id,
          unit_path: u.path,
          assignee_id: c.assignee ? user(c.assignee) : null,
          escalation_level: 0,
          reopen_count: c.reopenCount,
          staff_complained_user_id: c.staffComplained ? user(c.staffComplained) : null,
          responsible_user_id: j?.person ? user(j.person) : null,
          responsible_unit_id: j?.unit ? unit(j.unit).id : null,
          validity: j ? (j.valid ? 'valid' : 'invalid') : null,
          validity_kind: j?.valid ? j.kind : null,
          judged_at: j ? j.at : null,
          customer_confirmation: c.confirmation,
          resolved_at: resolved,
          updated_at: registeredAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (anchors.length < data.checks.length) anchors.push(id);
      for (const [stage, d] of Object.entries(c.deadlines))
        await tx
          .insertInto('complaint_deadlines')
          .values({
            complaint_id: id,
            stage,
            mode: 'clock',
            limit_ms: d.dueIn,
            started_at: registeredAt,
            due_at: registeredAt + d.dueIn,
            paused_ms: 0,
            met_at: metAt(d, registeredAt),
            breached_at: d.breached ? registeredAt + d.dueIn : null,
          })
          .execute();
      if (c.survey)
        await tx
          .insertInto('satisfaction_surveys')
          .values({ complaint_id: id, ...c.survey, suggestions: null, submitted_at: registeredAt })
          .execute();
      for (const r of c.remedies)
        await tx
          .insertInto('remedy_proposals')
          .values({
            complaint_id: id,
            kinds: '["compensation"]',
            internal_actions: '[]',
            amount: r.amount,
            description: '赔偿',
            status: r.status,
            proposed_by: user('handler'),
            proposed_at: registeredAt,
            fulfilment_status: r.status === 'approved' ? r.fulfilment : null,
          })
          .execute();
    }
    for (const [k, q] of data.checks.entries())
      await tx
        .insertInto('quality_checks')
        .values({
          complaint_id: anchors[k] ?? 0,
          handler_id: user(q.handler),
          unit_id: unit(q.unit).id,
          period: q.period,
          checker_id: user('supervisor'),
          drawn_by: 'random',
          score: q.score,
          status: q.status,
          revised_score: q.revised,
          created_at: OCT,
        })
        .execute();
    for (const v of data.volumes)
      await tx
        .insertInto('unit_volumes')
        .values({
          unit_id: unit(v.unit).id,
          period: v.period,
          parcels: v.parcels,
          orders: v.orders,
          updated_by: user('supervisor'),
          updated_at: OCT,
        })
        .execute();
  });
}
