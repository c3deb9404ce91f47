import { createHash } from 'node:crypto';
import type { ActorContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import type { Complaint } from '../../db/schema.js';
import { conflict } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import { COMPLAINT_STREAM, lockVisibleComplaint, requirePermission } from '../complaints/index.js';
import { complaintVars, type NoticeTarget, nearestWithRole, queueNotice } from '../notify/index.js';
import { indexComplaint } from '../search/index.js';

export type MessageSource = 'portal' | 'email' | 'phone' | 'console';

/** How much of a message a notice quotes; the whole of it is on the complaint. */
const NOTICE_EXCERPT = 200;

/** Messages may be written until the complaint is archived (read-only). */
export const messagesOpen = (c: Pick<Complaint, 'status'>) => c.status !== 'closed';

const excerpt = (body: string) => {
  const chars = Array.from(body.trim());
  return chars.length > NOTICE_EXCERPT ? `${chars.slice(0, NOTICE_EXCERPT - 1).join('')}…` : chars.join('');
};

/**
 * A message between the customer and the staff outside the formal reply (留言). The author follows
 * from the actor: a customer actor (`customerOf`, on the portal) writes as the customer; staff write
 * as staff. Message, event and notices commit together.
 */
export async function addMessage(
  ctx: ActorContext,
  number: string,
  input: { body: string; source: MessageSource },
): Promise<{ id: number }> {
  return ctx.db.transaction().execute(async (tx) => {
    const c = await lockVisibleComplaint(tx, ctx, number);
    requirePermission(ctx.actor, 'message');
    if (!messagesOpen(c)) throw conflict('complaint_archived', { action: 'message' });
    const author = ctx.actor.customerOf !== undefined ? 'customer' : 'staff';
    return insertMessage(tx, ctx, c, { ...input, author });
  });
}

/**
 * Write a message on a complaint the caller has locked and checked, with its event and notices: a
 * customer's message tells the assignee (or, without one, the unit's supervisor) in the app; a
 * staff message tells the customer by their preferred channel. `input.data` adds to the event (the mail
 * intake records the attachments that came with a reply).
 */
export async function insertMessage(
  tx: Tx,
  ctx: ActorContext,
  c: Complaint,
  input: {
    body: string;
    source: MessageSource;
    author: 'customer' | 'staff';
    data?: Record<string, unknown>;
  },
): Promise<{ id: number }> {
  const fromCustomer = input.author === 'customer';
  const now = ctx.clock.now();
  const { id } = await tx
    .insertInto('complaint_messages')
    .values({
      complaint_id: c.id,
      author: input.author,
      source: input.source,
      body: input.body,
      user_id: fromCustomer ? null : ctx.actor.userId,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.updateTable('complaints').set({ updated_at: now }).where('id', '=', c.id).execute();
  await indexComplaint(tx, c.id);
  await appendEvent(tx, {
    streamType: COMPLAINT_STREAM,
    streamId: c.id,
    actorId: ctx.actor.userId,
    at: now,
    kind: fromCustomer ? 'customer_message' : 'staff_message',
    // The words stay in the message row; the history pins them with a hash.
    data: {
      messageId: id,
      source: input.source,
      bodySha256: createHash('sha256').update(input.body).digest('hex'),
      ...input.data,
    },
  });
  const targets: NoticeTarget[] = fromCustomer
    ? (c.assignee_id !== null
        ? [c.assignee_id]
        : await nearestWithRole(tx, [c.unit_path, c.intake_unit_path], 'supervisor')
      ).map((userId) => ({ userId }))
    : [{ customer: true }];
  await queueNotice(
    tx,
    {
      event: fromCustomer ? 'customer_message' : 'staff_message',
      complaintId: c.id,
      vars: { ...(await complaintVars(tx, ctx, c)), message: excerpt(input.body) },
      targets,
    },
    now,
  );
  return { id };
}
