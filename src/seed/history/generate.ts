import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Complaint, CustomerContactTable, CustomerTable } from '../../db/schema.js';
import { dateKey } from '../../lib/time.js';
import { blindIndex, type PiiKeys, seal } from '../../modules/privacy/index.js';
import type { SlaContext } from '../../modules/sla/index.js';
import { historyDays } from './days.js';
import {
  type Cast,
  firstContactRecords,
  type Telling,
  tellFirstContact,
  tellMerged,
  tellWorkedComplaint,
  type UnitRef,
} from './paths.js';
import { type Random, seededRandom } from './random.js';
import { type ComplaintRows, Story } from './story.js';
import { type CorpusSample, contentOf, fakePerson, titleOf } from './texts.js';

const MIN = 60_000;
const DAY = 24 * 3600_000;

export interface HistoryInput {
  seed: number;
  /** The history ends here (the demo's start). */
  now: number;
  timeZone: string;
  days: number;
  /** Complaints on an ordinary weekday. */
  perDay: number;
  sla: SlaContext;
  keys: PiiKeys;
  corpus: CorpusSample[];
  /** Leaf categories by code, with their paths of ids. */
  categories: Map<string, { id: number; path: number[] }>;
  cast: Cast;
  /** Where the agents register: the customer service centre. */
  intake: UnitRef;
  /** The first free ids (the rows are written with them: the history refers to them). */
  firstIds: { complaint: number; customer: number; remedy: number; reply: number };
  /** Complaint numbers already taken per day (`YYYYMMDD`): the history continues them. */
  taken: Map<string, number>;
}

export interface History {
  complaints: ComplaintRows[];
  customers: Array<Insertable<CustomerTable> & { id: number }>;
  contacts: Array<Insertable<CustomerContactTable>>;
  /** The last number used per day. */
  sequences: Map<string, number>;
}

const CHANNELS = [
  ['phone', 40],
  ['app', 18],
  ['wechat', 14],
  ['web', 10],
  ['email', 4],
  ['sms', 3],
  ['social', 3],
  ['onsite', 2],
  ['letter', 1],
  ['regulator', 1.2],
  ['consumer_association', 0.8],
  ['media', 0.4],
] as const;
/** Where in the day complaints arrive (local hour 0–23). */
const HOURS = [1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 3, 6, 9, 10, 10, 8, 8, 9, 9, 8, 7, 6, 6, 5, 4, 3, 2];
/** How common each category family is among complaints. */
const FAMILY_WEIGHT: Record<string, number> = {
  delay: 3,
  delivery: 2.5,
  damage: 1.6,
  lost: 1,
  fees: 1.1,
  pickup: 1,
  info: 0.5,
  cod: 0.4,
  other: 0.3,
};
const REFERRAL: Record<string, { reason: string; authority: string; prefix: string }> = {
  regulator: { reason: 'government_referral', authority: '上海市邮政管理局', prefix: 'SH-YZ' },
  consumer_association: { reason: 'association_referral', authority: '深圳市消费者委员会', prefix: 'SZ-XW' },
  media: { reason: 'media_referral', authority: '', prefix: '' },
};
const MAJOR_REASON: Record<string, string> = { lost: 'valuables_lost', damage: 'property_loss' };
const DEMANDS: Record<string, string[]> = {
  damage: ['compensation'],
  lost: ['compensation'],
  delivery: ['apology'],
  pickup: ['apology'],
  fees: ['refund'],
  cod: ['refund'],
  info: ['apology', 'explanation'],
};

const familyOf = (code: string) => code.split('.')[0] ?? 'other';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const higher = (a: string, b: string) => (a < b ? a : b);

interface Customer {
  id: number;
  name: string;
  phone: string;
  email: string | null;
  /** Their complaints, oldest first. */
  stories: Story[];
}

/**
 * About `days` days of complaints up to `now`, every row as the commands would have written it, from
 * the seeded random source alone: the same input gives the same history (sealed values aside, which
 * carry a random nonce).
 */
export function generateHistory(input: HistoryInput): History {
  const random = seededRandom(input.seed);
  const samples = input.corpus
    .map((s) => ({ ...s, category: input.categories.get(s.label) }))
    .filter((s): s is typeof s & { category: { id: number; path: number[] } } => s.category !== undefined);
  const weightedSamples = samples.map((s) => [s, FAMILY_WEIGHT[familyOf(s.label)] ?? 1] as const);
  const times = arrivals(input, random);
  const ids = { remedy: input.firstIds.remedy, reply: input.firstIds.reply };
  const sequences = new Map(input.taken);
  const customers: Customer[] = [];
  const stories: Story[] = [];
  let nextCustomer = input.firstIds.customer;

  for (const [n, receivedAt] of times.entries()) {
    const id = input.firstIds.complaint + n;
    const sample = random.weighted(weightedSamples);
    const family = familyOf(sample.label);
    // One in eleven writes again within the month (重复投诉); the rest are new customers.
    let customer: Customer | null = null;
    if (random.chance(0.09)) {
      // Among the newest customers (a scan of all of them per complaint would grow with the square).
      const recent = customers
        .slice(-300)
        .filter((c) => (c.stories.at(-1)?.row.received_at ?? 0) > receivedAt - 30 * DAY);
      if (recent.length) customer = random.pick(recent);
    }
    if (!customer) {
      const person = fakePerson(nextCustomer, random);
      customer = { id: nextCustomer++, ...person, stories: [] };
      customers.push(customer);
    }
    const channel = random.weighted(CHANNELS);
    const referral = REFERRAL[channel];
    const registeredAt = Math.min(
      input.now - MIN,
      receivedAt + (channel === 'phone' ? 0 : random.int(1, 20) * MIN),
    );
    const day = dateKey(registeredAt, input.timeZone);
    const seq = (sequences.get(day) ?? 0) + 1;
    sequences.set(day, seq);
    const major =
      sample.grade === 'major' || referral !== undefined || (family === 'lost' && random.chance(0.1));
    const majorReasons = major ? [referral?.reason ?? MAJOR_REASON[family] ?? 'property_loss'] : [];
    const requested = sample.priority ?? 'P3';
    const priority = major ? higher(requested, 'P2') : requested;
    const waybillNo = `KS9${String(id).padStart(11, '0')}`;
    const content = contentOf(sample.text, waybillNo, random);
    const demands = DEMANDS[family] ?? ['explanation'];
    const earlier = customer.stories
      // Merged duplicates left out, archived ones too, as registration's look-up does.
      .filter((s) => s.row.received_at > receivedAt - 30 * DAY && s.row.merged_into_id === null)
      .reverse()
      .slice(0, 10);
    const firstContact =
      !major && random.chance(family === 'fees' || family === 'other' || family === 'info' ? 0.45 : 0.18);
    const fields = {
      number: `KS${day}-${String(seq).padStart(6, '0')}`,
      status: firstContact ? 'resolved' : 'received',
      channel,
      received_at: receivedAt,
      registered_at: registeredAt,
      registered_by: input.cast.agentId,
      intake_unit_id: input.intake.id,
      intake_unit_path: input.intake.path,
      complainant_name: customer.name,
      complainant_phone: seal(input.keys, customer.phone),
      complainant_email: customer.email ? seal(input.keys, customer.email) : null,
      complainant_phone_index: blindIndex(input.keys, 'phone', customer.phone),
      complainant_email_index: customer.email ? blindIndex(input.keys, 'email', customer.email) : null,
      preferred_contact: random.pick(['phone', 'phone', 'sms', null]),
      complainant_locale: null,
      identity_verified: (channel === 'phone' && random.chance(0.5) ? 1 : 0) as 0 | 1,
      title: titleOf(sample.text),
      content,
      demands: JSON.stringify(demands),
      demand_amount: demands.includes('compensation') ? random.int(5, 300) * 1000 : null,
      demand_text: null,
      order_no: null,
      waybill_no: waybillNo,
      store: null,
      product: null,
      batch_no: null,
      region: null,
      staff_complained: null,
      staff_complained_user_id: null,
      staff_complained_party_id: null,
      category_id: sample.category.id,
      category_confirmed: 0 as const,
      priority,
      grade: major ? 'major' : 'general',
      major_reasons: JSON.stringify(majorReasons),
      tags: '[]',
      unit_id: input.intake.id,
      unit_path: input.intake.path,
      // Resolved on the call: the agent's, as registration records it.
      assignee_id: firstContact ? input.cast.agentId : null,
      escalation_level: 0,
      reopen_count: 0,
      resolved_at: firstContact ? registeredAt : null,
      updated_at: registeredAt,
      external_ref: null,
      referral_no: referral?.prefix
        ? `${referral.prefix}-${day.slice(0, 4)}-${String(id).padStart(5, '0')}`
        : null,
      referral_authority: referral?.authority || null,
      referral_due_at: referral?.prefix ? registeredAt + 7 * DAY : null,
      customer_id: customer.id,
      repeat_complaint: (earlier.length ? 1 : 0) as 0 | 1,
    };
    const row: Complaint = {
      id,
      ...fields,
      merged_into_id: null,
      liable_party: null,
      responsible_unit_id: null,
      responsible_person: null,
      responsible_user_id: null,
      responsible_party_id: null,
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
      tracking_token_hash: null,
    };
    const story = new Story(input.sla, sample.category.path, row);
    const telling: Telling = { cast: input.cast, random, now: input.now, ids, family };
    let clocks = story.runClocks('registered', registeredAt);
    if (row.referral_due_at !== null) {
      const external = story.startFixedClock('external', registeredAt, row.referral_due_at);
      clocks = { ...clocks, started: [...(clocks.started ?? []), ...(external.started ?? [])] };
    }
    const { content: _content, complainant_phone: _phone, complainant_email: _email, ...recorded } = fields;
    story.open(
      {
        fields: recorded,
        contentSha256: sha256(content),
        clocks,
        ...(earlier.length
          ? { repeatOf: earlier.map((e) => ({ number: e.row.number, reasons: ['same_customer'] })) }
          : {}),
      },
      input.cast.agentId,
    );
    for (const e of earlier)
      story.rows.links.push({
        complaint_id: id,
        kind: 'repeat_of',
        target_id: e.row.id,
        created_at: registeredAt,
      });
    if (firstContact) {
      const data = firstContactRecords(story, telling, input.cast.agentId);
      story.note('resolved_on_first_contact', input.cast.agentId, registeredAt, {
        ...data,
        clocks: story.runClocks('resolved_on_first_contact', registeredAt),
      });
      tellFirstContact(story, telling);
    } else {
      // 合并 into a recent complaint of the same customer that is still open hours later.
      const target = earlier.find(
        (e) =>
          e.row.received_at > receivedAt - 3 * DAY &&
          (e.row.closed_at === null || e.row.closed_at > receivedAt + DAY),
      );
      if (target && random.chance(0.5)) tellMerged(story, telling, target);
      else
        tellWorkedComplaint(
          story,
          telling,
          random.weighted([
            ['worked', 90],
            ['invalidated', 7],
            ['withdrawn', 3],
          ] as const),
        );
    }
    customer.stories.push(story);
    stories.push(story);
  }

  const rows = stories.map((s) => s.finish(input.now));
  return { complaints: rows, ...customerRows(customers, input.keys), sequences };
}

/** The arrival instants, oldest first: each day's count spread over the day's busy hours. */
function arrivals(input: HistoryInput, random: Random): number[] {
  const out: number[] = [];
  const hours = HOURS.map((w, h) => [h, w] as const);
  for (const day of historyDays({ ...input, until: input.now }, random)) {
    for (let i = 0; i < day.count; i++) {
      const at = day.start + random.weighted(hours) * 3600_000 + Math.floor(random.next() * 3600_000);
      // The current day: only what has arrived by now (the hours still to come are drawn again).
      if (at < day.end - MIN) out.push(at);
    }
  }
  return out.sort((a, b) => a - b);
}

function customerRows(customers: Customer[], keys: PiiKeys): Pick<History, 'customers' | 'contacts'> {
  const rows: History['customers'] = [];
  const contacts: History['contacts'] = [];
  for (const c of customers) {
    const first = c.stories[0];
    if (!first) continue;
    const at = first.row.registered_at;
    rows.push({
      id: c.id,
      name: c.name,
      level: c.stories.length > 2 ? 'vip' : 'regular',
      tags: '[]',
      addresses: null,
      note: null,
      repeat_complainant: c.stories.length > 1 ? 1 : 0,
      created_at: at,
      updated_at: at,
    });
    contacts.push({
      customer_id: c.id,
      kind: 'phone',
      value: seal(keys, c.phone),
      value_index: blindIndex(keys, 'phone', c.phone),
      created_at: at,
    });
    if (c.email)
      contacts.push({
        customer_id: c.id,
        kind: 'email',
        value: seal(keys, c.email),
        value_index: blindIndex(keys, 'email', c.email),
        created_at: at,
      });
  }
  return { customers: rows, contacts };
}
