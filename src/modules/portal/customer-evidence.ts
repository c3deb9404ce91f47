import type { ActorContext } from '../../context.js';
import { notFound } from '../../lib/errors.js';
import { openEvidence } from '../evidence/index.js';
import { CUSTOMER_EVIDENCE_SOURCES } from './customer-view.js';

/** The customer downloads the evidence they supplied; what staff gathered stays internal. */
export async function openCustomerEvidence(ctx: ActorContext, number: string, id: number) {
  const row = await ctx.db
    .selectFrom('evidence')
    .innerJoin('complaints', 'complaints.id', 'evidence.complaint_id')
    .select('evidence.source')
    .where('evidence.id', '=', id)
    .where('complaints.id', '=', ctx.actor.customerOf ?? 0)
    .executeTakeFirst();
  if (!row || !CUSTOMER_EVIDENCE_SOURCES.includes(row.source))
    throw notFound('evidence_not_found', { number, id });
  return openEvidence(ctx, number, id);
}
