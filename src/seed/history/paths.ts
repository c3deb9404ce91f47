import type { Random } from './random.js';
import { BASIS, INVALID_ANSWER, remedyFor, replyText, SUGGESTIONS } from './records.js';
import type { Story } from './story.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export interface UnitRef {
  id: number;
  path: string;
}

/** Who may be given a complaint: the stations' handlers, and the service centre's agent. */
export interface Assignee {
  userId: number;
  name: string;
  unit: UnitRef;
  /** The agent decides remedies within the agent's limit itself. */
  isAgent: boolean;
}

/** The demo's people the history is told with. */
export interface Cast {
  agentId: number;
  supervisorId: number;
  managerId: number;
  assignees: Assignee[];
  party: { id: number; code: string; name: string; unitId: number } | null;
}

/** What the paths need beside the story: the cast, the random source, the ids of new records and `now`. */
export interface Telling {
  cast: Cast;
  random: Random;
  now: number;
  ids: { remedy: number; reply: number };
  family: string;
}

/** The default authority limits (DOMAIN "Remedies"): agent ≤ 20 元, supervisor ≤ 100 元, above: the manager. */
function approverOf(amount: number, major: boolean): 'agent' | 'supervisor' | 'manager' {
  if (major) return 'manager';
  return amount <= 2000 ? 'agent' : amount <= 10000 ? 'supervisor' : 'manager';
}

const METHOD: Record<string, string> = {
  web: 'portal',
  app: 'portal',
  email: 'email',
  wechat: 'wechat',
  letter: 'letter',
};
const replyMethod = (channel: string) => METHOD[channel] ?? 'phone';

/**
 * The time of the next step, `from` after the last (or `after`) plus a random wait, or null when it
 * would lie after `now`: the story stops there, and the complaint stays in the status it reached.
 */
function next(s: Story, t: Telling, [from, to]: [number, number], after = s.at): number | null {
  const at = after + Math.round(from + t.random.next() * (to - from));
  return at < t.now ? at : null;
}

/** 首问解决: registered and resolved in one call, with a reply and sometimes a small coupon. */
export function firstContactRecords(s: Story, t: Telling, agentId: number) {
  const at = s.row.registered_at;
  const replyId = t.ids.reply++;
  s.rows.replies.push({
    id: replyId,
    complaint_id: s.row.id,
    kind: 'first_contact',
    method: 'phone',
    ...replyText(t.family, false),
    result: '已当场向客户解释，客户表示理解。',
    sent_by: agentId,
    sent_at: at,
  });
  const coupon = t.random.chance(0.15);
  const remedyId = coupon ? t.ids.remedy++ : null;
  if (remedyId !== null)
    s.rows.remedies.push(
      remedyRow(
        s,
        remedyId,
        { kinds: ['coupon'], internalActions: [], amount: 500, description: '赠送 5 元运费券。' },
        agentId,
        at,
        null,
        true,
      ),
    );
  return { replyId, remedyId, amount: coupon ? 500 : null, method: 'phone' };
}

function remedyRow(
  s: Story,
  id: number,
  plan: { kinds: string[]; internalActions: string[]; amount: number; description: string },
  actorId: number,
  at: number,
  requiredRole: string | null,
  approved: boolean,
) {
  return {
    id,
    complaint_id: s.row.id,
    kinds: JSON.stringify(plan.kinds),
    internal_actions: JSON.stringify(plan.internalActions),
    amount: plan.amount,
    description: plan.description,
    status: approved ? 'approved' : 'pending',
    required_role: requiredRole,
    proposed_by: actorId,
    proposed_at: at,
    decided_by: approved ? actorId : null,
    decided_at: approved ? at : null,
    decision_comment: null,
    cost_shares: '[]',
    fulfilment_status: null,
    fulfilment_owner_id: null,
    fulfilment_due_at: null,
    fulfilled_at: null,
    fulfilled_by: null,
    fulfilment_proof: null,
    fulfilment_note: null,
  };
}

/** After the complaint was resolved (or invalid, withdrawn): a survey, a reopen, the archive. */
function afterResolution(s: Story, t: Telling, { surveyed }: { surveyed: boolean }): void {
  const { random, cast } = t;
  // 归档: mostly within its 2 hours, one in ten up to a day late; decided first, since a survey still
  // to come (after it, or after now) holds nothing up. The latest are still waiting for it.
  const archiveWait = (): [number, number] =>
    random.chance(0.9) ? [15 * MIN, 100 * MIN] : [3 * HOUR, 1 * DAY];
  let archivedAt = next(s, t, archiveWait());
  const surveyedAt = surveyed && random.chance(0.65) ? next(s, t, [2 * HOUR, 3 * DAY]) : null;
  if (surveyedAt !== null) {
    const { effectiveness } = survey(s, t, surveyedAt);
    // Unhappy with the outcome, a few come back before the complaint is archived: 重新处理.
    const back =
      s.row.status === 'resolved' && effectiveness <= 2 && random.chance(0.5)
        ? next(s, t, [1 * HOUR, 1 * DAY], surveyedAt)
        : null;
    if (back !== null && (archivedAt === null || back < archivedAt)) {
      s.step('reopened', cast.agentId, back, {
        set: {
          status: 'investigating',
          reopen_count: s.row.reopen_count + 1,
          resolved_at: null,
          customer_confirmation: null,
        },
        comment: '客户反映问题仍未解决，要求重新处理。',
      });
      if (!settle(s, t, assigneeOf(s, t), true)) return;
      archivedAt = next(s, t, archiveWait());
    }
  }
  if (archivedAt === null) return;
  s.step('archived', s.row.grade === 'major' ? cast.managerId : cast.supervisorId, archivedAt, {
    set: { status: 'closed', closed_at: archivedAt },
  });
}

/** 满意度调查 at `at`, on the portal or by phone; lower scores after a reopen and now and then. */
function survey(s: Story, t: Telling, at: number): { effectiveness: number } {
  const { random, cast } = t;
  const late = s.row.reopen_count > 0 || random.chance(0.15);
  const score = () =>
    late
      ? random.int(2, 4)
      : random.weighted([
          [5, 6],
          [4, 3],
          [3, 1],
        ] as const);
  const scores = {
    speed: score(),
    effectiveness: score(),
    attitude: score(),
    transparency: score(),
    recommendation: late
      ? random.int(3, 8)
      : random.weighted([
          [10, 5],
          [9, 4],
          [8, 2],
          [7, 1],
          [6, 1],
        ] as const),
  };
  const phone = random.chance(0.3);
  s.rows.surveys.push({
    complaint_id: s.row.id,
    source: phone ? 'phone' : 'portal',
    ...scores,
    suggestions: random.chance(0.2) ? random.pick(SUGGESTIONS) : null,
    recorded_by: phone ? cast.agentId : null,
    submitted_at: at,
  });
  s.note(
    'survey_submitted',
    phone ? cast.agentId : null,
    at,
    phone ? { source: 'phone', ...scores } : scores,
  );
  return scores;
}

function assigneeOf(s: Story, t: Telling): Assignee {
  return t.cast.assignees.find((a) => a.userId === s.row.assignee_id) ?? t.random.pick(t.cast.assignees);
}

/** Propose a remedy, have it approved, reply and take the customer's confirmation; true when resolved. */
function settle(s: Story, t: Telling, who: Assignee, valid: boolean): boolean {
  const { random, cast } = t;
  const plan = remedyFor(t.family, valid);
  const [lo, hi] = plan.amount;
  const amount = hi === 0 ? 0 : Math.round((lo + random.next() * (hi - lo)) / 100) * 100;
  const major = s.row.grade === 'major';
  const role = approverOf(amount, major);
  const own = who.isAgent && role === 'agent';
  let at = next(s, t, [30 * MIN, 4 * HOUR]);
  if (at === null) return false;
  const remedyId = t.ids.remedy++;
  const remedy = remedyRow(s, remedyId, { ...plan, amount }, who.userId, at, own ? null : role, own);
  s.rows.remedies.push(remedy);
  s.step(own ? 'remedy_proposed_and_approved' : 'remedy_proposed', who.userId, at, {
    set: { status: own ? 'approved' : 'proposed' },
    data: { remedyId, kinds: plan.kinds, amount, requiredRole: own ? null : role },
    comment: plan.description,
  });
  if (!own) {
    at = next(s, t, role === 'manager' ? [2 * HOUR, 20 * HOUR] : [20 * MIN, 5 * HOUR]);
    if (at === null) return false;
    const approver =
      role === 'agent' ? cast.agentId : role === 'supervisor' ? cast.supervisorId : cast.managerId;
    Object.assign(remedy, { status: 'approved', decided_by: approver, decided_at: at });
    s.step('remedy_approved', approver, at, {
      set: { status: 'approved' },
      data: { remedyId, kinds: plan.kinds, amount },
    });
  }
  // The reply within its working hour of the approval, mostly; some wait for the customer's evening.
  at = next(s, t, random.chance(0.85) ? [15 * MIN, 50 * MIN] : [1 * HOUR, 8 * HOUR]);
  if (at === null) return false;
  const replyId = t.ids.reply++;
  const method = replyMethod(s.row.channel);
  s.rows.replies.push({
    id: replyId,
    complaint_id: s.row.id,
    kind: 'reply',
    method,
    ...replyText(t.family, valid),
    sent_by: who.userId,
    sent_at: at,
  });
  s.step('replied', who.userId, at, { set: { status: 'replied' }, data: { replyId, method } });
  at = next(s, t, [1 * HOUR, 2 * DAY]);
  if (at === null) return false;
  const satisfied = random.chance(valid ? 0.88 : 0.75) || s.row.reopen_count > 0;
  if (satisfied) {
    s.step('confirmed_satisfied', cast.agentId, at, {
      set: { status: 'resolved', customer_confirmation: 'satisfied', confirmed_at: at, resolved_at: at },
    });
    return true;
  }
  s.step('confirmed_unsatisfied', cast.agentId, at, {
    set: {
      status: 'investigating',
      customer_confirmation: 'unsatisfied',
      confirmed_at: at,
      reopen_count: s.row.reopen_count + 1,
    },
  });
  return settle(s, t, who, valid);
}

const COURIERS = [
  '快递员 周师傅（工号 K0217）',
  '快递员 吴师傅（工号 K0352）',
  '快递员 郑师傅（工号 K0418）',
  '快递员 冯师傅（工号 K0536）',
  '快递员 何师傅（工号 K0671）',
  '快递员 吕师傅（工号 K0729）',
];

/** The judgement: who is liable, valid or not, against which unit, person or partner. */
function judge(s: Story, t: Telling, who: Assignee, at: number): boolean {
  const { random, cast } = t;
  const liable = random.weighted([
    ['company', 70],
    ['third_party', 8],
    ['customer', 12],
    ['none', 10],
  ] as const);
  const valid = liable === 'company' || (liable === 'third_party' && random.chance(0.5));
  const station = who.isAgent ? random.pick(cast.assignees.filter((a) => !a.isAgent)) : who;
  const conduct = t.family === 'delivery' || t.family === 'pickup';
  // A valid delivery or pickup complaint is mostly against the courier, who has no login: named as
  // text. Now and then the station's handler made a (minor) slip, and the judgement counts in their
  // 考核; a few more in the last days, so that the handler has a judgement to appeal (申诉) inside its
  // window. Chosen by the complaint's id, not by a draw: the random stream, and so the rest of the
  // history, stays as it was.
  const courier =
    valid && conduct && random.chance(0.6) ? (COURIERS[s.row.id % COURIERS.length] ?? null) : null;
  const recent = at > t.now - 5 * DAY;
  const person = valid && !courier && s.row.grade !== 'major' && s.row.id % (recent ? 13 : 59) === 0;
  const partner =
    valid && !courier && cast.party && station.unit.id === cast.party.unitId && random.chance(0.3);
  const party = partner && !person ? cast.party : null;
  s.step('judged', who.userId, at, {
    set: {
      liable_party: liable,
      responsible_unit_id: liable === 'company' ? station.unit.id : null,
      responsible_person: courier,
      responsible_user_id: person ? station.userId : null,
      responsible_party_id: party ? party.id : null,
      liability_degree:
        liable === 'company'
          ? random.weighted([
              ['full', 6],
              ['primary', 3],
              ['secondary', 1],
            ] as const)
          : 'none',
      judgement_basis: BASIS[liable],
      validity: valid ? 'valid' : 'invalid',
      validity_kind: valid
        ? s.row.grade === 'major'
          ? 'major'
          : conduct
            ? 'service_conduct'
            : random.pick(['business_error', 'minor_slip'])
        : null,
      invalid_reason: valid
        ? null
        : random.weighted([
            ['untrue_information', 3],
            ['unreasonable_demand', 3],
            ['other', 2],
            ['branch_error', 1],
          ] as const),
      judged_by: who.userId,
      judged_at: at,
    },
    data: {
      ...(person ? { responsibleUser: { id: station.userId, name: station.name } } : {}),
      ...(party ? { responsibleParty: { id: party.id, code: party.code, name: party.name } } : {}),
    },
  });
  return valid;
}

/** The life of a complaint after registration, step by step until it is archived or `now` comes. */
export function tellWorkedComplaint(
  s: Story,
  t: Telling,
  outcome: 'worked' | 'invalidated' | 'withdrawn',
): void {
  const { random, cast } = t;
  // 受理: usually within the hour; a few wait longer and miss the registration limit.
  let at = next(s, t, random.chance(0.93) ? [2 * MIN, 40 * MIN] : [70 * MIN, 5 * HOUR]);
  if (at === null) return;
  s.step('accepted', cast.agentId, at, { set: { status: 'accepted' } });
  if (outcome === 'withdrawn') {
    // The parcel arrives and the customer calls back, before the complaint is dispatched.
    at = next(s, t, [15 * MIN, 70 * MIN]);
    if (at === null) return;
    s.step('withdrawn', cast.agentId, at, {
      set: { status: 'withdrawn', close_reason: '客户已收到快件，撤回投诉。' },
      comment: '客户已收到快件，撤回投诉。',
    });
    afterResolution(s, t, { surveyed: false });
    return;
  }
  const who = random.weighted(cast.assignees.map((a) => [a, a.isAgent ? 1 : 1.5] as const));
  // 分派: mostly within the 2-hour limit (from receipt); one in ten waits for a supervisor's morning.
  at = next(s, t, random.chance(0.9) ? [5 * MIN, 60 * MIN] : [2 * HOUR, 12 * HOUR]);
  if (at === null) return;
  s.step('assigned', cast.agentId, at, {
    set: { status: 'assigned', unit_id: who.unit.id, unit_path: who.unit.path, assignee_id: who.userId },
  });
  at = next(s, t, random.chance(0.85) ? [10 * MIN, 50 * MIN] : [1 * HOUR, 30 * HOUR]);
  if (at === null) return;
  s.step('investigation_started', who.userId, at, {
    set: { status: 'investigating', assignee_id: who.userId },
  });
  if (outcome === 'invalidated') {
    at = next(s, t, [1 * HOUR, 1 * DAY]);
    if (at === null) return;
    const replyId = t.ids.reply++;
    const method = replyMethod(s.row.channel);
    const explanation = '经核实快件已按约定妥投，投诉不成立。';
    s.rows.replies.push({
      id: replyId,
      complaint_id: s.row.id,
      kind: 'invalid_answer',
      method,
      ...INVALID_ANSWER,
      sent_by: who.userId,
      sent_at: at,
    });
    s.step('invalidated', who.userId, at, {
      set: {
        status: 'invalid',
        validity: 'invalid',
        invalid_reason: random.pick(['untrue_information', 'unreasonable_demand']),
        validity_kind: null,
        close_reason: explanation,
      },
      data: { replyId, method },
      comment: explanation,
    });
    afterResolution(s, t, { surveyed: false });
    return;
  }
  if (random.chance(0.1)) {
    // 补充材料: the customer is asked for photos; the clocks wait.
    at = next(s, t, [30 * MIN, 6 * HOUR]);
    if (at === null) return;
    s.step('information_requested', who.userId, at, {
      set: { status: 'waiting_customer' },
      comment: '请提供快件外包装及内件照片。',
    });
    at = next(s, t, [2 * HOUR, 2 * DAY]);
    if (at === null) return;
    s.step('customer_responded', cast.agentId, at, { set: { status: 'investigating' } });
  }
  // The investigation: hours, for a few days (a station slow to answer, a claim to check with the
  // sender), past the 3-day limit of the whole complaint.
  at = next(s, t, random.chance(0.9) ? [1 * HOUR, 20 * HOUR] : [2 * DAY, 5 * DAY]);
  if (at === null) return;
  const valid = judge(s, t, who, at);
  if (settle(s, t, who, valid)) afterResolution(s, t, { surveyed: true });
}

/** A complaint registered and resolved on the first call: surveys, and the archive. */
export const tellFirstContact = (s: Story, t: Telling) => afterResolution(s, t, { surveyed: true });

/** 合并: a repeat of an open complaint, merged into it by the agent. */
export function tellMerged(s: Story, t: Telling, target: Story): void {
  const { cast } = t;
  let at = next(s, t, [2 * MIN, 40 * MIN]);
  if (at === null) return;
  s.step('accepted', cast.agentId, at, { set: { status: 'accepted' } });
  at = next(s, t, [10 * MIN, 3 * HOUR]);
  // The target was chosen open for a day after this complaint arrived: the merge finds it open.
  if (at === null) return;
  const reason = `与 ${target.row.number} 为同一问题。`;
  s.step('merged', cast.agentId, at, {
    set: { status: 'merged', merged_into_id: target.row.id, close_reason: reason },
    data: { into: target.row.number },
    comment: reason,
  });
  s.rows.links.push({
    complaint_id: s.row.id,
    kind: 'merged_into',
    target_id: target.row.id,
    created_at: at,
  });
  target.note('merged_from', cast.agentId, at, { from: s.row.number });
  target.row.updated_at = Math.max(target.row.updated_at, at);
  // Its target carries the work: the duplicate is archived within the 归档 limit (2 working hours from
  // the merge). The delay comes from the id, not the random source, which the rest of the history
  // draws from.
  const archivedAt = at + (10 + (s.row.id % 50)) * MIN;
  if (archivedAt >= t.now) return;
  s.step('archived', s.row.grade === 'major' ? cast.managerId : cast.supervisorId, archivedAt, {
    set: { status: 'closed', closed_at: archivedAt },
  });
}
