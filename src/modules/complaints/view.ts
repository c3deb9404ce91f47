import type {
  Complaint,
  ComplaintDeadlineTable,
  ComplaintMessage,
  Evidence,
  RemedyProposal,
  Reply,
} from '../../db/schema.js';
import type { Channel, Grade, Priority, Status } from '../../domain/complaint-model.js';
import { asLocale } from '../../i18n/index.js';
import type { CaseView } from '../cases/index.js';
import type { StoredClassificationView } from '../classifier/schemas.js';
import { STAGES } from '../sla/index.js';
import type { CostShareInput } from './fulfilment-schemas.js';
import { fulfilmentView } from './fulfilment-view.js';
import type { ComplaintSummaryView } from './list-schemas.js';
import type { AllowedAction, BlockedAction, ComplaintDetailView, CustomerPanelView } from './view-schemas.js';

function iso(ms: number): string;
function iso(ms: number | null): string | null;
function iso(ms: number | null) {
  return ms === null ? null : new Date(ms).toISOString();
}
const json = <T>(text: string) => JSON.parse(text) as T;

/** A complaint as a list shows it; the row's vocabularies were written from model.ts, the database keeps them as text. */
export function toSummary(r: {
  number: string;
  status: string;
  channel: string;
  title: string;
  priority: string;
  grade: string;
  category_id: number;
  category_zh: string | null;
  category_en: string | null;
  unit_id: number;
  unit_name: string | null;
  unit_name_en: string | null;
  assignee_id: number | null;
  assignee_name: string | null;
  received_at: number;
  updated_at: number;
  complainant_name: string;
  waybill_no: string | null;
  reopen_count: number;
  escalation_level: number;
  due_at: number | null;
}): ComplaintSummaryView {
  return {
    number: r.number,
    status: r.status as Status,
    channel: r.channel as Channel,
    title: r.title,
    priority: r.priority as Priority,
    grade: r.grade as Grade,
    category: { id: r.category_id, nameZh: r.category_zh, nameEn: r.category_en },
    unit: { id: r.unit_id, name: r.unit_name, nameEn: r.unit_name_en },
    assignee: r.assignee_id === null ? null : { id: r.assignee_id, name: r.assignee_name },
    complainantName: r.complainant_name,
    waybillNo: r.waybill_no,
    reopenCount: r.reopen_count,
    escalationLevel: r.escalation_level,
    dueAt: iso(r.due_at),
    receivedAt: new Date(r.received_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export interface DetailRelations {
  /** Phone and e-mail as this actor may see them (masked or opened). */
  complainant: { phone: string | null; email: string | null; mayReveal: boolean };
  evidence: Evidence[];
  messages: ComplaintMessage[];
  /** Every survey of the complaint (one per source), oldest first. */
  surveys: Array<{
    source: string;
    speed: number;
    effectiveness: number;
    attitude: number;
    transparency: number;
    recommendation: number;
    suggestions: string | null;
    submitted_at: number;
  }>;
  categoryPath: Array<{ id: number; code: string; name_zh: string; name_en: string; level: number }>;
  units: Map<number, { id: number; name: string; name_en: string | null }>;
  users: Map<number, string>;
  parties: Map<number, { id: number; code: string; name: string }>;
  remedies: RemedyProposal[];
  replies: Reply[];
  links: Array<{ kind: string; number: string; createdAt: string }>;
  watchers: number[];
  visible: boolean;
  actions: AllowedAction[];
  blocked: BlockedAction[];
  /** The customer behind the complaint, when it is linked to one. */
  customer: CustomerPanelView | null;
  /** The complaint as a case of the library (案例库), issue 6. */
  case: CaseView | null;
  /** What the classifier predicted at registration, issue 6. */
  classification: StoredClassificationView | null;
  deadlines: ComplaintDeadlineTable[];
  now: number;
}

/** Each stage's clock: due time, time left (negative when late), whether it was met in time. */
function deadlineViews(rows: ComplaintDeadlineTable[], now: number) {
  return [...rows]
    .sort((a, b) => STAGES.indexOf(a.stage as never) - STAGES.indexOf(b.stage as never))
    .map((d) => ({
      stage: d.stage,
      mode: d.mode,
      limitMinutes: d.limit_ms / 60_000,
      startedAt: iso(d.started_at),
      dueAt: iso(d.due_at),
      state:
        d.met_at !== null
          ? ('met' as const)
          : d.paused_at !== null
            ? ('paused' as const)
            : ('running' as const),
      timeLeftMs: d.met_at === null && d.paused_at === null ? d.due_at - now : null,
      metAt: iso(d.met_at),
      breached: d.breached_at !== null || (d.met_at ?? now) > d.due_at,
      breachedAt: iso(d.breached_at),
      pausedMs: d.paused_ms,
    }));
}

export function toDetail(c: Complaint, rel: DetailRelations): ComplaintDetailView {
  const person = (id: number | null) => (id === null ? null : { id, name: rel.users.get(id) ?? null });
  const party = (id: number | null) => (id === null ? null : (rel.parties.get(id) ?? null));
  const unit = (id: number | null) => {
    const u = id === null ? undefined : rel.units.get(id);
    return u ? { id: u.id, name: u.name, nameEn: u.name_en } : null;
  };
  return {
    number: c.number,
    // The columns hold the model's vocabularies (written only by the commands).
    status: c.status as Status,
    channel: c.channel as Channel,
    receivedAt: iso(c.received_at),
    registeredAt: iso(c.registered_at),
    registeredBy: person(c.registered_by),
    intakeUnit: unit(c.intake_unit_id),
    complainant: {
      name: c.complainant_name,
      phone: rel.complainant.phone,
      email: rel.complainant.email,
      preferredContact: c.preferred_contact,
      locale: asLocale(c.complainant_locale),
      identityVerified: c.identity_verified === 1,
      customerId: c.customer_id,
      mayReveal: rel.complainant.mayReveal,
    },
    customer: rel.customer,
    repeatComplaint: c.repeat_complaint === 1,
    externalRef: c.external_ref,
    referral:
      c.referral_no === null && c.referral_authority === null
        ? null
        : { number: c.referral_no, authority: c.referral_authority, dueAt: iso(c.referral_due_at) },
    title: c.title,
    content: c.content,
    demands: json<string[]>(c.demands),
    demandAmount: c.demand_amount,
    demandText: c.demand_text,
    references: {
      orderNo: c.order_no,
      waybillNo: c.waybill_no,
      store: c.store,
      product: c.product,
      batchNo: c.batch_no,
      region: c.region,
      staffComplained: c.staff_complained,
      staffComplainedUser: person(c.staff_complained_user_id),
      staffComplainedParty: party(c.staff_complained_party_id),
    },
    category: {
      id: c.category_id,
      confirmed: c.category_confirmed === 1,
      path: rel.categoryPath.map((p) => ({
        id: p.id,
        code: p.code,
        nameZh: p.name_zh,
        nameEn: p.name_en,
        level: p.level,
      })),
    },
    priority: c.priority as Priority,
    grade: c.grade as Grade,
    majorReasons: json<string[]>(c.major_reasons),
    tags: json<string[]>(c.tags),
    unit: unit(c.unit_id),
    assignee: person(c.assignee_id),
    watchers: rel.watchers.map((id) => ({ id, name: rel.users.get(id) ?? null })),
    escalationLevel: c.escalation_level,
    reopenCount: c.reopen_count,
    dueAt: iso(c.due_at),
    deadlines: deadlineViews(rel.deadlines, rel.now),
    judgement:
      c.liable_party === null
        ? null
        : {
            liableParty: c.liable_party,
            responsibleUnit: unit(c.responsible_unit_id),
            responsiblePerson: c.responsible_person,
            responsibleUser: person(c.responsible_user_id),
            responsibleParty: party(c.responsible_party_id),
            degree: c.liability_degree,
            basis: c.judgement_basis,
            judgedBy: person(c.judged_by),
            judgedAt: iso(c.judged_at),
          },
    validity:
      c.validity === null
        ? null
        : { validity: c.validity, kind: c.validity_kind, invalidReason: c.invalid_reason },
    remedies: rel.remedies.map((r) => ({
      id: r.id,
      kinds: json<string[]>(r.kinds),
      internalActions: json<string[]>(r.internal_actions),
      amount: r.amount,
      description: r.description,
      status: r.status,
      requiredRole: r.required_role,
      proposedBy: person(r.proposed_by),
      proposedAt: iso(r.proposed_at),
      decidedBy: person(r.decided_by),
      decidedAt: iso(r.decided_at),
      decisionComment: r.decision_comment,
      costShares: json<CostShareInput[]>(r.cost_shares).map((s) => ({
        bearer: s.bearer,
        name: s.name ?? null,
        unitId: s.unitId ?? null,
        userId: s.userId ?? null,
        amount: s.amount,
      })),
      fulfilment: fulfilmentView(r, (id) => rel.users.get(id) ?? null, rel.now),
    })),
    replies: rel.replies.map((r) => ({
      id: r.id,
      kind: r.kind,
      method: r.method,
      summary: r.summary,
      actions: r.actions,
      result: r.result,
      basis: r.basis,
      followUp: r.follow_up,
      sentBy: person(r.sent_by),
      sentAt: iso(r.sent_at),
    })),
    evidence: rel.evidence.map(evidenceView(person)),
    messages: rel.messages.map((m) => ({
      id: m.id,
      author: m.author,
      source: m.source,
      body: m.body,
      by: person(m.user_id),
      createdAt: iso(m.created_at),
    })),
    survey: rel.surveys.map(surveyView).at(-1) ?? null,
    surveys: rel.surveys.map(surveyView),
    customerConfirmation: c.customer_confirmation,
    confirmedAt: iso(c.confirmed_at),
    links: rel.links,
    closeReason: c.close_reason,
    resolvedAt: iso(c.resolved_at),
    closedAt: iso(c.closed_at),
    updatedAt: iso(c.updated_at),
    visible: rel.visible,
    allowedActions: rel.actions,
    blockedActions: rel.blocked,
    case: rel.case,
    classification: rel.classification,
  };
}

/** One piece of evidence as listed; the bytes are at its download URL. */
export const evidenceView =
  (person: (id: number | null) => { id: number; name: string | null } | null) => (e: Evidence) => ({
    id: e.id,
    filename: e.filename,
    mediaType: e.media_type,
    size: e.size,
    sha256: e.sha256,
    source: e.source,
    note: e.note,
    addedBy: person(e.added_by),
    createdAt: iso(e.created_at),
  });

export const surveyView = (s: DetailRelations['surveys'][number]) => ({
  source: s.source,
  speed: s.speed,
  effectiveness: s.effectiveness,
  attitude: s.attitude,
  transparency: s.transparency,
  recommendation: s.recommendation,
  suggestions: s.suggestions,
  submittedAt: iso(s.submitted_at),
});
