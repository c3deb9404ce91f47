import type { ActorContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { asLocale, listed } from '../../i18n/index.js';
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
  complaint: { id: number; complainant_locale: string | null },
  reply: ReplyInput,
): Promise<{ reply: ReplyInput; data: { pendingRemedy?: { remedyId: number; dueAt: string } } }> {
  const pending = await tx
    .selectFrom('remedy_proposals')
    .select(['id', 'kinds', 'amount', 'fulfilment_due_at'])
    .where('complaint_id', '=', complaint.id)
    .where('fulfilment_status', '=', 'pending')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!pending) return { reply, data: {} };
  const dueAt = pending.fulfilment_due_at ?? 0;
  const due = formatLocal(dueAt, ctx.config.timeZone);
  if ((await fulfilmentSettings(tx)).beforeReply === 'block')
    throw conflict('remedy_not_fulfilled', { dueAt: due });
  // In the language the customer is written to in, like the notice that carries it.
  const locale = asLocale(complaint.complainant_locale);
  const names = REMEDY_NAMES[locale];
  const sentence = render(PENDING_REMEDY_TEXT[locale], {
    remedies: listed(
      locale,
      (JSON.parse(pending.kinds) as string[])
        .filter((k) => (FULFILLED_KINDS as readonly string[]).includes(k))
        .map((k) => names[k] ?? k),
    ),
    amount: formatFen(pending.amount),
    due_at: due,
  });
  return {
    reply: { ...reply, result: `${reply.result}\n${sentence}` },
    data: { pendingRemedy: { remedyId: pending.id, dueAt: new Date(dueAt).toISOString() } },
  };
}
