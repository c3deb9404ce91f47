/**
 * The SLA sweep benchmark's data: open complaints with running deadlines, written in bulk
 * (multi-row INSERTs, one transaction per chunk) but row for row what Kesu itself would have
 * written for them: the complaint, its deadlines (limits from the SLA policies, due and reminder
 * times from the business calendar), its hash-chained history and the chain head, and the day's
 * number counter. See bench/README.md "SLA sweep".
 *
 * Two kinds of complaint, alternating in blocks of ten ids:
 *  - `received`: registered by the demo agent in the customer service centre; clocks `register`
 *    (60 min on the clock) and `whole` (3 days on the clock) run; history: `registered`.
 *  - `assigned`: registered, accepted (meets `register`, starts `dispatch`) and assigned to a handler
 *    in 浦东网点 or 南山网点 (meets `dispatch`, starts `first_response`, 60 working minutes);
 *    clocks `first_response` and `whole` run; history: `registered`, `accepted`, `assigned`.
 * Every tenth complaint (ids ≡ 3 mod 10) is one that breaches: its short clock started 61 minutes
 * before `now`, so it passed one minute before `now`; the others were registered in the ten minutes
 * before `now`, so all their deadlines and reminder times lie ahead. Omitted: the notices of those
 * earlier events (acknowledgment SMS, assignment notice and its `notice_sent` event), which the sweep
 * neither reads nor depends on.
 */
import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { AppContext } from '../../src/context.js';
import type { Tx } from '../../src/db/database.js';
import type { Complaint, ComplaintDeadlineTable, EventHeadTable, EventTable } from '../../src/db/schema.js';
import { dateKey } from '../../src/lib/time.js';
import { eventHash, GENESIS } from '../../src/modules/audit/chain.js';
import { addTime, loadSlaContext } from '../../src/modules/sla/index.js';
import { resolveLimit, type LimitStage as Stage } from '../../src/modules/sla/stages.js';
import type { DemoOrganisation } from '../../src/seed/demo.js';

const MIN = 60_000;
const STREAM = 'complaint';

export interface DatasetSpec {
  /** Open complaints of the measured set (100,000). */
  open: number;
  /** How many of them breach one minute before `now` (10,000): every (open / breaches)-th. */
  breaches: number;
  /** Extra complaints breaching earlier, for the warm-up sweep (not part of `open`). */
  warmup: number;
  /** The instant the measured sweep runs at (a working time: the `first_response` clocks run in working time). */
  now: number;
}

/** The instants the sweeps run at, and what each one must find. */
export interface Timeline {
  warmupRemind: number;
  warmupDue: number;
  breachRemind: number;
  breachDue: number;
  now: number;
}

export interface Dataset {
  spec: DatasetSpec;
  timeline: Timeline;
  /** Ids of the measured set are firstId … firstId + open - 1; the warm-up set follows. */
  firstId: number;
  /** id ≡ breachResidue (mod stride) within the measured set breaches. */
  stride: number;
  breachResidue: number;
  rows: { complaints: number; deadlines: number; events: number };
}

type Row<T> = { [K in keyof Selectable<T>]: Selectable<T>[K] };
type DeadlineRow = Row<ComplaintDeadlineTable>;
type EventRow = Omit<Row<EventTable>, 'id'>;
type HeadRow = Row<EventHeadTable>;

const TEXTS: Array<[string, string]> = [
  ['包裹三天未更新物流', '我的快递从上海发出后三天没有任何物流更新，请尽快处理。'],
  ['快递员未经同意放驿站', '快递员没有打电话就把包裹放到了驿站，我上班无法去取，要求送货上门。'],
  ['外包装破损，内件损坏', '收到的包裹外包装破损严重，里面的陶瓷茶具碎了两个，要求赔偿。'],
  ['派件员态度恶劣', '派件员送件时态度恶劣，言语不文明，要求道歉。'],
  ['运费与下单时不一致', '寄件时收了 23 元，App 显示 18 元，想知道差额原因。'],
  ['显示已签收但未收到', '物流显示包裹已签收，但我本人并没有收到，也没有人通知我。'],
];
const NAMES = ['王女士', '李先生', '张女士', '刘先生', '陈女士', '杨先生', '赵女士', '黄先生'];
const CHANNELS = ['phone', 'app', 'wechat', 'web'];
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const CONTENT_SHA = TEXTS.map(([, content]) => sha256(content));
const iso = (ms: number) => new Date(ms).toISOString();

/** Rows per multi-row INSERT: below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const MAX_PARAMS = 30_000;
/** Complaints per transaction. */
const CHUNK = 500;

export function timelineFor(now: number): Timeline {
  return {
    warmupRemind: now - 32 * MIN,
    warmupDue: now - 20 * MIN,
    breachRemind: now - 13 * MIN,
    breachDue: now - MIN,
    now,
  };
}

async function insertMany<T extends Record<string, unknown>>(
  tx: Tx,
  table: 'complaints' | 'complaint_deadlines' | 'events' | 'event_heads',
  rows: T[],
): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0] as object).length;
  const per = Math.max(1, Math.floor(MAX_PARAMS / columns));
  for (let i = 0; i < rows.length; i += per) {
    // The row types are checked where the rows are built (every column, typed by the schema).
    await tx
      .insertInto(table)
      .values(rows.slice(i, i + per) as never)
      .execute();
  }
}

export async function loadDataset(
  app: AppContext,
  org: DemoOrganisation,
  spec: DatasetSpec,
  log: (message: string) => void,
): Promise<Dataset> {
  if (spec.open % spec.breaches !== 0) throw new Error('open must be a multiple of breaches');
  const stride = spec.open / spec.breaches;
  if (stride < 4) throw new Error('at least 4 open complaints per breach');
  const breachResidue = 3 % stride;
  const tl = timelineFor(spec.now);
  const sla = await loadSlaContext(app, app.db);
  const tz = app.config.timeZone;
  const need = <K, V>(m: Map<K, V>, k: K): V => {
    const v = m.get(k);
    if (v === undefined) throw new Error(`demo organisation has no ${String(k)}`);
    return v;
  };
  const units = await app.db.selectFrom('units').select(['id', 'path']).execute();
  const unitPath = new Map(units.map((u) => [u.id, u.path]));
  const unit = (key: string) => {
    const id = need(org.unitIds, key);
    return { id, path: need(unitPath, id) };
  };
  const service = unit('service');
  const handlers = [
    { unit: unit('pudong'), userId: need(org.userIds, 'handler') },
    { unit: unit('nanshan'), userId: need(org.userIds, 'handler2') },
  ];
  const agentId = need(org.userIds, 'agent');
  // Leaf categories (what an agent picks at intake), with their paths for the policy lookup.
  const categories = await app.db.selectFrom('categories').select(['id', 'parent_id', 'path']).execute();
  const parents = new Set(categories.map((c) => c.parent_id));
  const leaves = categories
    .filter((c) => !parents.has(c.id))
    .map((c) => ({ id: c.id, path: c.path.split('/').filter(Boolean).map(Number) }));
  if (!leaves.length) throw new Error('no categories');
  const maxId = await app.db
    .selectFrom('complaints')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  const firstId = Number(maxId?.id ?? 0) + 1;

  /** A clock of `stage` started at `startedAt`, as applyClockEvent writes it. */
  const clock = (
    id: number,
    stage: Stage,
    categoryPath: number[],
    { startedAt, metAt }: { startedAt: number; metAt: number | null },
  ): DeadlineRow => {
    const limit = resolveLimit(sla.policies, stage, categoryPath, 'P3');
    const limitMs = limit.minutes * MIN;
    return {
      complaint_id: id,
      stage,
      mode: limit.mode,
      limit_ms: limitMs,
      started_at: startedAt,
      due_at: addTime(sla.calendar, limit.mode, startedAt, limitMs),
      remind_at: addTime(sla.calendar, limit.mode, startedAt, Math.round(limitMs * sla.settings.remindShare)),
      paused_at: null,
      paused_ms: 0,
      met_at: metAt,
      reminded_at: null,
      breached_at: null,
    };
  };

  const total = spec.open + spec.warmup;
  const counts = { complaints: 0, deadlines: 0, events: 0 };
  let day: string | null = null;
  const check = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`dataset: ${what}`);
  };

  for (let start = 0; start < total; start += CHUNK) {
    const complaints: Complaint[] = [];
    const deadlines: DeadlineRow[] = [];
    const events: EventRow[] = [];
    const heads: HeadRow[] = [];
    for (let i = start; i < Math.min(total, start + CHUNK); i++) {
      const id = firstId + i;
      const warm = i >= spec.open;
      const breaches = warm || i % stride === breachResidue;
      const assigned = Math.floor(i / 10) % 2 === 1;
      const category = leaves[i % leaves.length] ?? leaves[0];
      if (!category) throw new Error('no category');
      const text = i % TEXTS.length;
      const [title, content] = TEXTS[text] ?? ['', ''];
      // When the short clock starts: 61 minutes before the breach sweep, 81 before the warm-up one;
      // otherwise within the ten minutes before now.
      const shortStart = warm
        ? tl.warmupDue - 60 * MIN
        : breaches
          ? tl.breachDue - 60 * MIN
          : spec.now - 10 * MIN + (i % 540) * 1000;
      const registeredAt = assigned ? shortStart - 60_000 : shortStart;
      const acceptedAt = registeredAt + 30_000;
      const assignedAt = registeredAt + 60_000;
      const key = dateKey(registeredAt, tz);
      check(day === null || day === key, 'all complaints must be registered on one day');
      day = key;
      const number = `KS${key}-${String(id).padStart(6, '0')}`;

      const fields = {
        number,
        status: 'received',
        channel: CHANNELS[i % CHANNELS.length] ?? 'phone',
        received_at: registeredAt,
        registered_at: registeredAt,
        registered_by: agentId,
        intake_unit_id: service.id,
        intake_unit_path: service.path,
        complainant_name: NAMES[i % NAMES.length] ?? '王女士',
        complainant_phone: `13${String(800_000_000 + i)}`,
        complainant_email: null,
        preferred_contact: 'phone',
        identity_verified: 0 as const,
        title,
        content,
        demands: '["explanation"]',
        demand_amount: null,
        demand_text: null,
        order_no: null,
        waybill_no: `KS1${String(id).padStart(11, '0')}`,
        store: null,
        product: null,
        batch_no: null,
        region: null,
        staff_complained: null,
        category_id: category.id,
        category_confirmed: 0 as const,
        priority: 'P3',
        grade: 'general',
        major_reasons: '[]',
        tags: '[]',
        unit_id: service.id,
        unit_path: service.path,
        assignee_id: null as number | null,
        escalation_level: 0,
        reopen_count: 0,
        resolved_at: null,
        updated_at: registeredAt,
      };
      const register = clock(id, 'register', category.path, {
        startedAt: registeredAt,
        metAt: assigned ? acceptedAt : null,
      });
      // Registration, dispatch and the whole complaint run from the receipt (here: the registration).
      const dispatch = clock(id, 'dispatch', category.path, {
        startedAt: registeredAt,
        metAt: assigned ? assignedAt : null,
      });
      const whole = clock(id, 'whole', category.path, { startedAt: registeredAt, metAt: null });
      const history: Array<Omit<EventRow, 'seq' | 'prev_hash' | 'hash' | 'stream_type' | 'stream_id'>> = [];
      const { content: _content, ...recorded } = fields;
      history.push({
        at: registeredAt,
        actor_id: agentId,
        kind: 'registered',
        data: JSON.stringify({
          fields: recorded,
          contentSha256: CONTENT_SHA[text],
          clocks: {
            started: [
              { stage: 'register', dueAt: iso(register.due_at) },
              { stage: 'dispatch', dueAt: iso(dispatch.due_at) },
              { stage: 'whole', dueAt: iso(whole.due_at) },
            ],
          },
        }),
        comment: null,
      });
      let row: Complaint;
      let running: DeadlineRow;
      if (assigned) {
        const to = handlers[Math.floor(i / 20) % 2] ?? handlers[0];
        if (!to) throw new Error('no handler');
        running = clock(id, 'first_response', category.path, { startedAt: assignedAt, metAt: null });
        const investigation = clock(id, 'investigation', category.path, {
          startedAt: assignedAt,
          metAt: null,
        });
        deadlines.push(register, dispatch, running, investigation, whole);
        history.push(
          {
            at: acceptedAt,
            actor_id: agentId,
            kind: 'accepted',
            data: JSON.stringify({
              changes: { status: { from: 'received', to: 'accepted' } },
              clocks: { met: ['register'] },
            }),
            comment: null,
          },
          {
            at: assignedAt,
            actor_id: agentId,
            kind: 'assigned',
            data: JSON.stringify({
              changes: {
                status: { from: 'accepted', to: 'assigned' },
                unit_id: { from: service.id, to: to.unit.id },
                unit_path: { from: service.path, to: to.unit.path },
                assignee_id: { from: null, to: to.userId },
              },
              clocks: {
                met: ['dispatch'],
                started: [
                  { stage: 'first_response', dueAt: iso(running.due_at) },
                  { stage: 'investigation', dueAt: iso(investigation.due_at) },
                ],
              },
            }),
            comment: null,
          },
        );
        row = emptyComplaint(id, {
          ...fields,
          status: 'assigned',
          unit_id: to.unit.id,
          unit_path: to.unit.path,
          assignee_id: to.userId,
          updated_at: assignedAt,
        });
      } else {
        running = register;
        deadlines.push(register, dispatch, whole);
        row = emptyComplaint(id, fields);
      }
      row.due_at = Math.min(running.due_at, whole.due_at);
      complaints.push(row);

      // The deadlines must fall where the sweeps expect them.
      const [due, remind] = warm ? [tl.warmupDue, tl.warmupRemind] : [tl.breachDue, tl.breachRemind];
      if (breaches) {
        check(
          running.due_at === due,
          `complaint ${id}: ${running.stage} due ${iso(running.due_at)}, not ${iso(due)}`,
        );
        check(running.remind_at === remind, `complaint ${id}: ${running.stage} reminder at the wrong time`);
      } else check(running.due_at > spec.now && (running.remind_at ?? 0) > spec.now, `complaint ${id}: due`);
      check(whole.remind_at !== null && whole.remind_at > spec.now, `complaint ${id}: whole reminder`);

      let prev = GENESIS;
      history.forEach((e, n) => {
        const chained = { stream_type: STREAM, stream_id: id, seq: n + 1, ...e };
        const hash = eventHash(prev, chained);
        events.push({ ...chained, prev_hash: prev, hash });
        prev = hash;
      });
      heads.push({ stream_type: STREAM, stream_id: id, seq: history.length, hash: prev });
    }
    await app.db.transaction().execute(async (tx) => {
      await insertMany(tx, 'complaints', complaints);
      await insertMany(tx, 'complaint_deadlines', deadlines);
      await insertMany(tx, 'events', events);
      await insertMany(tx, 'event_heads', heads);
    });
    counts.complaints += complaints.length;
    counts.deadlines += deadlines.length;
    counts.events += events.length;
    if ((start / CHUNK) % 40 === 39) log(`  ${counts.complaints} complaints written`);
  }

  // The day's counter, as registration leaves it; identity sequences past the explicit ids.
  const last = firstId + total - 1;
  await app.db
    .insertInto('number_sequences')
    .values({ day: day ?? '', last })
    .onConflict((oc) => oc.column('day').doUpdateSet({ last }))
    .execute();
  if (app.dialect === 'postgres')
    await sql`select setval(pg_get_serial_sequence('complaints', 'id'), ${last})`.execute(app.db);
  return { spec, timeline: tl, firstId, stride, breachResidue, rows: counts };
}

/** A complaint row with every column; what registration leaves empty stays null. */
function emptyComplaint(id: number, fields: Omit<Complaint, 'id' | LaterColumns>): Complaint {
  return {
    id,
    ...fields,
    merged_into_id: null,
    liable_party: null,
    responsible_unit_id: null,
    responsible_person: null,
    responsible_user_id: null,
    responsible_party_id: null,
    staff_complained_user_id: null,
    staff_complained_party_id: null,
    liability_degree: null,
    judgement_basis: null,
    validity: null,
    validity_kind: null,
    invalid_reason: null,
    judged_by: null,
    judged_at: null,
    customer_confirmation: null,
    confirmed_at: null,
    close_reason: null,
    closed_at: null,
    due_at: null,
    progress_from: null,
    customer_id: null,
    complainant_phone_index: null,
    complainant_email_index: null,
    tracking_token_hash: null,
    external_ref: null,
    referral_no: null,
    referral_authority: null,
    referral_due_at: null,
    repeat_complaint: 0,
    complainant_locale: null,
  };
}

type LaterColumns =
  | 'merged_into_id'
  | 'progress_from'
  | 'liable_party'
  | 'responsible_unit_id'
  | 'responsible_person'
  | 'responsible_user_id'
  | 'responsible_party_id'
  | 'staff_complained_user_id'
  | 'staff_complained_party_id'
  | 'liability_degree'
  | 'judgement_basis'
  | 'validity'
  | 'validity_kind'
  | 'invalid_reason'
  | 'judged_by'
  | 'judged_at'
  | 'customer_confirmation'
  | 'confirmed_at'
  | 'close_reason'
  | 'closed_at'
  | 'due_at'
  | 'customer_id'
  | 'complainant_phone_index'
  | 'complainant_email_index'
  | 'tracking_token_hash'
  | 'external_ref'
  | 'referral_no'
  | 'referral_authority'
  | 'referral_due_at'
  | 'repeat_complaint'
  | 'complainant_locale';
