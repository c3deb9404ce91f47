import type { ActorContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { conflict } from '../../lib/errors.js';
import { formatFen } from '../../lib/money.js';
import { formatLocal } from '../../lib/time.js';
import { PENDING_REMEDY_TEXT, REMEDY_NAMES, render } from '../notify/index.js';
import { fulfilmentSettings } from './fulfil-remedy.js';
import { FULFILLED_KINDS } from './fulfilment.js';
import type { ReplyInput } from './schemas.js';

/**
 * Before the reply (回复): an approved remedy not carried out yet either refuses the reply (409
 * `remedy_not_fulfilled`, setting `block`) or is named in the reply's result — what will be done by
 * when — which the result notice carries to the customer (setting `name`, the default).
 */
export async function remedyBeforeReply(
  tx: Tx,
  ctx: Pick<ActorContext, 'config'>,
  complaintId: number,
  reply: ReplyInput,
): Promise<{ reply: ReplyInput; data: { pendingRemedy?: { remedyId: number; dueAt: string } } }> {
  const pending = await tx
    .selectFrom('remedy_proposals')
    .select(['id', 'kinds', 'amount', 'fulfilment_due_at'])
    .where('complaint_id', '=', complaintId)
    .where('fulfilment_status', '=', 'pending')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!pending) return { reply, data: {} };
  const dueAt = pending.fulfilment_due_at ?? 0;
  const due = formatLocal(dueAt, ctx.config.timeZone);
  if ((await fulfilmentSettings(tx)).beforeReply === 'block')
    throw conflict('remedy_not_fulfilled', { dueAt: due });
  // The customer reads the reply in Chinese, as every customer notice goes by default.
  const names = REMEDY_NAMES['zh-CN'];
  const sentence = render(PENDING_REMEDY_TEXT['zh-CN'], {
    remedies: (JSON.parse(pending.kinds) as string[])
      .filter((k) => (FULFILLED_KINDS as readonly string[]).includes(k))
      .map((k) => names[k] ?? k)
      .join('、'),
    amount: formatFen(pending.amount),
    due_at: due,
  });
  return {
    reply: { ...reply, result: `${reply.result}\n${sentence}` },
    data: { pendingRemedy: { remedyId: pending.id, dueAt: new Date(dueAt).toISOString() } },
  };
}
