import type { Readable } from 'node:stream';
import type { ActorContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { Evidence } from '../../db/schema.js';
import { notFound } from '../../lib/errors.js';
import { canSee, evidenceView, may } from '../complaints/index.js';
import { evidenceStore } from './store.js';

export type EvidenceItem = ReturnType<ReturnType<typeof evidenceView>>;

/** Evidence rows as listed, with the names of the staff who added them. */
export async function evidenceItems(db: Db, rows: Evidence[]): Promise<EvidenceItem[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.added_by === null ? [] : [r.added_by])))];
  const users = ids.length
    ? await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute()
    : [];
  const names = new Map(users.map((u) => [u.id, u.display_name]));
  return rows.map(evidenceView((id) => (id === null ? null : { id, name: names.get(id) ?? null })));
}

/** The complaint's id when the actor may read it; 404 otherwise, whether or not it exists. */
async function readableComplaintId(ctx: ActorContext, number: string): Promise<number> {
  const c = await ctx.db
    .selectFrom('complaints')
    .select(['id', 'unit_path', 'intake_unit_path', 'assignee_id'])
    .where('number', '=', number)
    .executeTakeFirst();
  if (!c || !canSee(ctx.actor, c) || !may(ctx.actor, 'read'))
    throw notFound('complaint_not_found', { number });
  return c.id;
}

export async function listEvidence(ctx: ActorContext, number: string): Promise<EvidenceItem[]> {
  const complaintId = await readableComplaintId(ctx, number);
  const rows = await ctx.db
    .selectFrom('evidence')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .orderBy('id')
    .execute();
  return evidenceItems(ctx.db, rows);
}

/**
 * The bytes of one piece of evidence for whoever may read its complaint, staff or the customer on
 * the portal: both downloads pass here.
 */
export async function openEvidence(
  ctx: ActorContext,
  number: string,
  id: number,
): Promise<{
  meta: { id: number; filename: string; mediaType: string; size: number; sha256: string };
  stream: Readable;
}> {
  const complaintId = await readableComplaintId(ctx, number);
  const row = await ctx.db
    .selectFrom('evidence')
    .select(['id', 'filename', 'media_type', 'size', 'sha256'])
    .where('id', '=', id)
    .where('complaint_id', '=', complaintId)
    .executeTakeFirst();
  if (!row) throw notFound('evidence_not_found', { number, id });
  return {
    meta: {
      id: row.id,
      filename: row.filename,
      mediaType: row.media_type,
      size: row.size,
      sha256: row.sha256,
    },
    stream: await evidenceStore(ctx.config).get(row.sha256),
  };
}
