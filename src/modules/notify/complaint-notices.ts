import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import type { Complaint } from '../../db/schema.js';
import type { Role } from '../../domain/roles.js';
import { type Locale, listed, termName } from '../../i18n/index.js';
import { formatFen } from '../../lib/money.js';
import { formatLocal } from '../../lib/time.js';
import type { TxCache } from '../../lib/tx-cache.js';
import { nearestWithRole } from './people.js';
import { type Notice, type NoticeTarget, queueNotice } from './queue-notice.js';
import { breachReason, LEVEL_NAMES, type NoticeEvent, REMEDY_NAMES } from './templates.js';

type Vars = Record<string, string | number | null | undefined>;

/** What the notices of a complaint's events read of it. */
export type NoticeSubject = Pick<
  Complaint,
  | 'id'
  | 'number'
  | 'title'
  | 'complainant_name'
  | 'received_at'
  | 'due_at'
  | 'priority'
  | 'status'
  | 'grade'
  | 'major_reasons'
  | 'assignee_id'
  | 'unit_path'
  | 'intake_unit_path'
>;

/**
 * The variables every complaint notice may use. `wholeDueAt`: the `whole` deadline's due time (null
 * without one) when the caller has read it already.
 */
export async function complaintVars(
  tx: Tx,
  app: Pick<AppContext, 'config'>,
  c: NoticeSubject,
  wholeDueAt?: number | null,
): Promise<Vars> {
  const whole =
    wholeDueAt !== undefined
      ? wholeDueAt
      : ((
          await tx
            .selectFrom('complaint_deadlines')
            .select('due_at')
            .where('complaint_id', '=', c.id)
            .where('stage', '=', 'whole')
            .executeTakeFirst()
        )?.due_at ?? null);
  const tz = app.config.timeZone;
  return {
    number: c.number,
    title: c.title,
    customer_name: c.complainant_name,
    received_at: formatLocal(c.received_at, tz),
    expected_at: whole !== null ? formatLocal(whole, tz) : '',
    due_at: c.due_at ? formatLocal(c.due_at, tz) : '',
    track_url: trackUrl(app, c.number, 'zh-CN'),
    track_url_en: trackUrl(app, c.number, 'en'),
    priority: c.priority,
    status: c.status,
  };
}

/** The portal's page of a complaint, opened in the language its notice is written in. */
export const trackUrl = (app: Pick<AppContext, 'config'>, number: string, locale: Locale) =>
  `${app.config.publicUrl}/track/${number}${locale === 'en' ? '?lang=en' : ''}`;

const staff = (ids: number[]): NoticeTarget[] => ids.map((userId) => ({ userId }));

const NOTICE_KINDS = new Set([
  'registered',
  'accepted',
  'assigned',
  'transferred',
  'information_requested',
  'remedy_proposed',
  'remedy_proposed_and_approved',
  'remedy_approved',
  'remedy_rejected',
  'replied',
  'invalidated',
  'confirmed_satisfied',
  'escalated',
]);

/** A complaint's history event, as far as its notices need it. */
export interface ComplaintEventNotice {
  complaintId: number;
  kind: string;
  data: Record<string, unknown>;
  comment: string | null;
  now: number;
}

/**
 * The notices a complaint's history event causes, written in the same transaction (DOMAIN:
 * acknowledgment at acceptance, progress, result, survey; staff told of assignments, approvals,
 * escalations, and a major complaint reaching the manager and the executive at once).
 */
export async function queueComplaintNotices(
  tx: Tx,
  app: Pick<AppContext, 'config'>,
  event: ComplaintEventNotice,
  options: { complaint?: NoticeSubject; cache?: TxCache } = {},
): Promise<void> {
  if (!NOTICE_KINDS.has(event.kind)) return;
  const c =
    options.complaint ??
    (await tx
      .selectFrom('complaints')
      .selectAll()
      .where('id', '=', event.complaintId)
      .executeTakeFirstOrThrow());
  for (const notice of await complaintNotices(tx, app, event, c, options))
    await queueNotice(tx, notice, event.now, options.cache);
}

/**
 * What queueComplaintNotices writes for an event of complaint `c`, not written yet (a sweep writes
 * many at once with queueNotices). `wholeDueAt` as for complaintVars.
 */
export async function complaintNotices(
  tx: Tx,
  app: Pick<AppContext, 'config'>,
  event: ComplaintEventNotice,
  c: NoticeSubject,
  options: { cache?: TxCache; wholeDueAt?: number | null } = {},
): Promise<Notice[]> {
  const notices: Notice[] = [];
  if (NOTICE_KINDS.has(event.kind)) await addNotices(tx, app, event, c, options, notices);
  return notices;
}

async function addNotices(
  tx: Tx,
  app: Pick<AppContext, 'config'>,
  { kind, data, comment }: ComplaintEventNotice,
  c: NoticeSubject,
  { cache, wholeDueAt }: { cache?: TxCache; wholeDueAt?: number | null },
  notices: Notice[],
): Promise<void> {
  let vars: Vars | undefined;
  const send = async (event: NoticeEvent, targets: NoticeTarget[], extra: Vars = {}) => {
    if (!targets.length) return;
    vars ??= await complaintVars(tx, app, c, wholeDueAt);
    notices.push({ event, complaintId: c.id, vars: { ...vars, ...extra }, targets });
  };
  const up = (role: Role) => nearestWithRole(tx, [c.unit_path, c.intake_unit_path], role, cache);
  switch (kind) {
    case 'registered':
      if (c.grade === 'major') {
        const reasons = JSON.parse(c.major_reasons) as string[];
        const named = (locale: Locale) =>
          listed(
            locale,
            reasons.map((r) => termName(locale, `majorReason.${r}`)),
          );
        await send(
          'major_registered',
          [...staff([...(await up('manager')), ...(await up('executive'))]), { robots: true }],
          { reason: named('zh-CN'), reason_en: named('en') },
        );
      }
      if (c.assignee_id !== null) await send('assigned', staff([c.assignee_id]));
      return;
    case 'accepted':
      return send('acknowledgment', [{ customer: true }]);
    case 'assigned':
    case 'transferred':
      if (c.assignee_id !== null) await send('assigned', staff([c.assignee_id]));
      return;
    case 'information_requested':
      return send('progress', [{ customer: true }], { reason: comment });
    case 'remedy_proposed': {
      const role = data.requiredRole as Role | null;
      if (role)
        await send('approval_needed', staff(await up(role)), { amount: formatFen(Number(data.amount ?? 0)) });
      return;
    }
    // DOMAIN: a major complaint's remedy is the manager's, "with the executive informed".
    case 'remedy_proposed_and_approved':
    case 'remedy_approved':
    case 'remedy_rejected':
      if (c.grade === 'major')
        await send('major_remedy_decided', [...staff(await up('executive')), { robots: true }], {
          ...(await decisionVars(tx, Number(data.remedyId))),
          comment: comment ?? '',
        });
      return;
    // The answer, valid or not, reaches the customer by the way it was given when that is a message.
    case 'replied':
    case 'invalidated': {
      const reply = await tx
        .selectFrom('replies')
        .select('result')
        .where('id', '=', Number(data.replyId))
        .executeTakeFirst();
      const channel = data.method === 'sms' || data.method === 'email' ? data.method : undefined;
      return send('result', [{ customer: true, ...(channel ? { channel } : {}) }], { result: reply?.result });
    }
    case 'confirmed_satisfied':
      return send('survey', [{ customer: true }]);
    case 'escalated': {
      const role = data.toRole as Role | undefined;
      if (role)
        await send('escalated', [...staff(await up(role)), { robots: true }], {
          reason: comment ?? '',
          // A manual escalation's reason is the words of whoever escalated.
          reason_en: Array.isArray(data.breached)
            ? breachReason(data.breached as string[], 'en')
            : (comment ?? ''),
          level: LEVEL_NAMES['zh-CN'][role] ?? role,
          level_en: LEVEL_NAMES.en[role] ?? role,
        });
      return;
    }
  }
}

/** A decided remedy as its notice names it: kinds, amount, the decision and who made it. */
async function decisionVars(tx: Tx, remedyId: number): Promise<Vars> {
  const r = await tx
    .selectFrom('remedy_proposals as r')
    .leftJoin('users as u', 'u.id', 'r.decided_by')
    .select(['r.kinds', 'r.amount', 'r.status', 'u.display_name'])
    .where('r.id', '=', remedyId)
    .executeTakeFirstOrThrow();
  const kinds = JSON.parse(r.kinds) as string[];
  const named = (locale: Locale) =>
    listed(
      locale,
      kinds.map((k) => REMEDY_NAMES[locale][k] ?? k),
    );
  return {
    remedies: named('zh-CN'),
    remedies_en: named('en'),
    amount: formatFen(r.amount),
    decision: REMEDY_NAMES['zh-CN'][r.status] ?? r.status,
    decision_en: REMEDY_NAMES.en[r.status] ?? r.status,
    decided_by: r.display_name ?? '',
  };
}
