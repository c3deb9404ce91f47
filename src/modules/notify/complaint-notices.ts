import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import type { Complaint } from '../../db/schema.js';
import type { Role } from '../../domain/roles.js';
import { formatFen } from '../../lib/money.js';
import { formatLocal } from '../../lib/time.js';
import type { TxCache } from '../../lib/tx-cache.js';
import { nearestWithRole } from './people.js';
import { type NoticeTarget, queueNotice } from './queue-notice.js';
import { LEVEL_NAMES, type NoticeEvent } from './templates.js';

type Vars = Record<string, string | number | null | undefined>;

/** The variables every complaint notice may use. */
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

export async function complaintVars(
  tx: Tx,
  app: Pick<AppContext, 'config'>,
  c: NoticeSubject,
): Promise<Vars> {
  const whole = await tx
    .selectFrom('complaint_deadlines')
    .select('due_at')
    .where('complaint_id', '=', c.id)
    .where('stage', '=', 'whole')
    .executeTakeFirst();
  const tz = app.config.timeZone;
  return {
    number: c.number,
    title: c.title,
    customer_name: c.complainant_name,
    received_at: formatLocal(c.received_at, tz),
    expected_at: whole ? formatLocal(whole.due_at, tz) : '',
    due_at: c.due_at ? formatLocal(c.due_at, tz) : '',
    track_url: `${app.config.publicUrl}/track/${c.number}`,
    priority: c.priority,
    status: c.status,
  };
}

const staff = (ids: number[]): NoticeTarget[] => ids.map((userId) => ({ userId }));

const NOTICE_KINDS = new Set([
  'registered',
  'accepted',
  'assigned',
  'transferred',
  'information_requested',
  'remedy_proposed',
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
  const { complaintId, kind, data, comment, now } = event;
  if (!NOTICE_KINDS.has(kind)) return;
  const cache = options.cache;
  const c =
    options.complaint ??
    (await tx.selectFrom('complaints').selectAll().where('id', '=', complaintId).executeTakeFirstOrThrow());
  const send = async (event: NoticeEvent, targets: NoticeTarget[], extra: Vars = {}) => {
    if (targets.length)
      await queueNotice(
        tx,
        { event, complaintId: c.id, vars: { ...(await complaintVars(tx, app, c)), ...extra }, targets },
        now,
        cache,
      );
  };
  const up = (role: Role) => nearestWithRole(tx, [c.unit_path, c.intake_unit_path], role, cache);
  switch (kind) {
    case 'registered':
      if (c.grade === 'major') {
        const reasons = (JSON.parse(c.major_reasons) as string[]).join(', ');
        await send(
          'major_registered',
          [...staff([...(await up('manager')), ...(await up('executive'))]), { robots: true }],
          { reason: reasons },
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
          level: LEVEL_NAMES['zh-CN'][role] ?? role,
        });
      return;
    }
  }
}
