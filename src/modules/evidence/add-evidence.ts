import type { Readable } from 'node:stream';
import type { ActorContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import type { Actor } from '../../domain/actor.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import { COMPLAINT_STREAM, canSee, lockVisibleComplaint, requirePermission } from '../complaints/index.js';
import { sanitizeFilename } from './media-types.js';
import { type EvidenceItem, evidenceItems } from './queries.js';
import { readEvidenceSettings } from './settings.js';
import { evidenceStore } from './store.js';
import {
  discardStaged,
  keepStaged,
  type StagedContent,
  type StoredContent,
  stageContent,
} from './store-content.js';

export type EvidenceSource = 'staff' | 'customer' | 'email' | 'import';

/** One part of an upload: a file, or the note that goes with the files. */
export type UploadPart =
  | { kind: 'file'; filename: string; mediaType?: string; content: Buffer | Readable }
  | { kind: 'note'; value: string };

/** Evidence may be added by those with the permission, while the complaint is not archived. */
function requireMayAddEvidence(actor: Actor, complaint: { status: string }): void {
  requirePermission(actor, 'add_evidence');
  if (complaint.status === 'closed') throw conflict('complaint_archived', { action: 'add_evidence' });
}

/** Insert the evidence row for stored content inside the caller's transaction, with its history event. */
export async function insertEvidence(
  tx: Tx,
  ctx: ActorContext,
  stored: StoredContent,
  meta: { complaintId: number; filename: string; source: EvidenceSource; note?: string | null },
): Promise<number> {
  const { complaintId } = meta;
  const now = ctx.clock.now();
  const filename = sanitizeFilename(meta.filename, stored.mediaType);
  const { id } = await tx
    .insertInto('evidence')
    .values({
      complaint_id: complaintId,
      sha256: stored.sha256,
      size: stored.size,
      media_type: stored.mediaType,
      filename,
      source: meta.source,
      // A customer on the portal is not a user; the history names the portal.
      added_by: ctx.actor.customerOf === undefined ? ctx.actor.userId : null,
      note: meta.note ?? null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.updateTable('complaints').set({ updated_at: now }).where('id', '=', complaintId).execute();
  await appendEvent(tx, {
    streamType: COMPLAINT_STREAM,
    streamId: complaintId,
    actorId: ctx.actor.userId,
    at: now,
    kind: 'evidence_added',
    data: {
      evidenceId: id,
      sha256: stored.sha256,
      mediaType: stored.mediaType,
      size: stored.size,
      filename,
      source: meta.source,
    },
    comment: meta.note ?? null,
  });
  return id;
}

/**
 * Add the files of one upload to a complaint the actor may act on (staff, or the customer on the
 * portal). Refusals that need no bytes come first; then every file is staged and checked, and only
 * when all pass are they stored and recorded, in one transaction: a refused file leaves nothing.
 */
export async function addEvidenceUploads(
  ctx: ActorContext,
  number: string,
  parts: AsyncIterable<UploadPart> | Iterable<UploadPart>,
  source: EvidenceSource,
): Promise<EvidenceItem[]> {
  const target = await ctx.db
    .selectFrom('complaints')
    .select(['id', 'status', 'unit_path', 'intake_unit_path', 'assignee_id'])
    .where('number', '=', number)
    .executeTakeFirst();
  if (!target || !canSee(ctx.actor, target)) throw notFound('complaint_not_found', { number });
  requireMayAddEvidence(ctx.actor, target);

  const store = evidenceStore(ctx.config);
  const { maxBytes } = await readEvidenceSettings(ctx.db);
  const staged: Array<StagedContent & { filename: string }> = [];
  let note: string | null = null;
  try {
    for await (const part of parts) {
      if (part.kind === 'note') note = part.value;
      else
        staged.push({
          ...(await stageContent(store, part.content, part, maxBytes)),
          filename: part.filename,
        });
    }
  } catch (error) {
    await discardStaged(staged);
    throw error;
  }
  if (staged.length === 0) throw badRequest('validation_failed', [{ path: '/file', code: 'required' }]);

  // Stored before the rows that point at them: a failure below leaves unreferenced bytes, never a dangling row.
  const stored: Array<StoredContent & { filename: string }> = [];
  for (const s of staged) stored.push({ ...(await keepStaged(store, s)), filename: s.filename });
  const ids = await ctx.db.transaction().execute(async (tx) => {
    const complaint = await lockVisibleComplaint(tx, ctx, number);
    requireMayAddEvidence(ctx.actor, complaint);
    const added: number[] = [];
    for (const s of stored)
      added.push(
        await insertEvidence(tx, ctx, s, { complaintId: complaint.id, filename: s.filename, source, note }),
      );
    return added;
  });
  return evidenceItems(
    ctx.db,
    await ctx.db.selectFrom('evidence').selectAll().where('id', 'in', ids).orderBy('id').execute(),
  );
}

/** Add one piece of evidence to a complaint the actor may act on (staff or the customer on the portal). */
export async function addEvidence(
  ctx: ActorContext,
  number: string,
  upload: { filename: string; content: Buffer | Readable; mediaType?: string; note?: string | null },
  source: EvidenceSource,
): Promise<EvidenceItem> {
  const { note, ...file } = upload;
  const parts: UploadPart[] = [
    { kind: 'file', ...file },
    ...(note ? [{ kind: 'note', value: note } as const] : []),
  ];
  const [item] = await addEvidenceUploads(ctx, number, parts, source);
  if (!item) throw new Error('evidence was not added');
  return item;
}
