import type { ActorContext } from '../../context.js';
import type { Status } from '../../domain/complaint-model.js';
import { allowedActions, canSee } from '../complaints/index.js';
import { shownContact } from '../privacy/index.js';
import { approvedExtensions } from '../sla/index.js';
import { surveyOpen } from './submit-survey.js';
import { trackingDenied } from './tracking-rules.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Evidence the customer sees and downloads: what came from them (the portal, their e-mails). */
export const CUSTOMER_EVIDENCE_SOURCES = ['customer', 'email'];

/**
 * Statuses as the customer sees them: a remedy waiting for approval is internal, so those stages
 * read as the investigation still going on.
 */
const CUSTOMER_STATUS: Partial<Record<Status, Status>> = {
  proposed: 'investigating',
  approved: 'investigating',
};

/**
 * The complaint as its complainant sees it on the portal: their own words, progress, the answers,
 * the conversation, their evidence and what they may do now. Nothing internal: no judgement,
 * validity, remedies, assignee, notes or history.
 */
export async function getCustomerView(ctx: ActorContext, number: string) {
  const c = await ctx.db.selectFrom('complaints').selectAll().where('number', '=', number).executeTakeFirst();
  if (!c || !canSee(ctx.actor, c)) throw trackingDenied();
  const [category, whole, replies, messages, evidence, survey, extensions] = await Promise.all([
    ctx.db.selectFrom('categories').select('path').where('id', '=', c.category_id).executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('complaint_deadlines')
      .select('due_at')
      .where('complaint_id', '=', c.id)
      .where('stage', '=', 'whole')
      .executeTakeFirst(),
    ctx.db.selectFrom('replies').selectAll().where('complaint_id', '=', c.id).orderBy('id').execute(),
    ctx.db
      .selectFrom('complaint_messages')
      .select(['id', 'author', 'body', 'created_at'])
      .where('complaint_id', '=', c.id)
      .orderBy('id')
      .execute(),
    ctx.db
      .selectFrom('evidence')
      .select(['id', 'filename', 'media_type', 'size', 'created_at'])
      .where('complaint_id', '=', c.id)
      .where('source', 'in', CUSTOMER_EVIDENCE_SOURCES)
      .orderBy('id')
      .execute(),
    // The customer's own survey: the ones staff took down by phone do not stand in for it.
    ctx.db
      .selectFrom('satisfaction_surveys')
      .selectAll()
      .where('complaint_id', '=', c.id)
      .where('source', '=', 'portal')
      .executeTakeFirst(),
    approvedExtensions(ctx.db, c.id),
  ]);
  const categoryIds = category.path.split('/').filter(Boolean).map(Number);
  const categories = await ctx.db
    .selectFrom('categories')
    .select(['id', 'name_zh', 'name_en', 'level'])
    .where('id', 'in', categoryIds)
    .orderBy('level')
    .execute();
  const actions = allowedActions(ctx.actor, c);
  const status = c.status as Status;
  return {
    number: c.number,
    status: CUSTOMER_STATUS[status] ?? status,
    channel: c.channel,
    receivedAt: iso(c.received_at),
    expectedBy: iso(whole?.due_at ?? null),
    extensions,
    title: c.title,
    content: c.content,
    category: categories.map((k) => ({ id: k.id, nameZh: k.name_zh, nameEn: k.name_en })),
    demands: JSON.parse(c.demands) as string[],
    demandAmount: c.demand_amount,
    references: { waybillNo: c.waybill_no, orderNo: c.order_no },
    complainant: {
      name: c.complainant_name,
      phone: shownContact(ctx.config.secret, 'phone', c.complainant_phone, false),
      email: shownContact(ctx.config.secret, 'email', c.complainant_email, false),
    },
    replies: replies.map((r) => ({
      kind: r.kind,
      method: r.method,
      summary: r.summary,
      actions: r.actions,
      result: r.result,
      basis: r.basis,
      followUp: r.follow_up,
      sentAt: iso(r.sent_at),
    })),
    messages: messages.map((m) => ({
      id: m.id,
      author: m.author,
      body: m.body,
      createdAt: iso(m.created_at),
    })),
    evidence: evidence.map((e) => ({
      id: e.id,
      filename: e.filename,
      mediaType: e.media_type,
      size: e.size,
      createdAt: iso(e.created_at),
    })),
    confirmation:
      c.customer_confirmation === null ? null : { outcome: c.customer_confirmation, at: iso(c.confirmed_at) },
    survey: survey
      ? {
          speed: survey.speed,
          effectiveness: survey.effectiveness,
          attitude: survey.attitude,
          transparency: survey.transparency,
          recommendation: survey.recommendation,
          suggestions: survey.suggestions,
          submittedAt: iso(survey.submitted_at),
        }
      : null,
    mayConfirm: actions.includes('confirm'),
    mayWithdraw: actions.includes('withdraw'),
    maySurvey: !survey && surveyOpen(c),
  };
}
