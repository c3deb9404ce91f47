import type { ActorContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import type { Complaint, ComplaintCaseTable } from '../../db/schema.js';
import type { Status } from '../../domain/complaint-model.js';
import { conflict, notFound } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import {
  COMPLAINT_STREAM,
  CURATE_CASE_FROM,
  lockVisibleComplaint,
  requirePermission,
} from '../complaints/index.js';
import type { CaseInput } from './schemas.js';
import { caseTerms } from './terms.js';

/**
 * Marking a case changes no column of the complaint and no clock, so it does not go through
 * runComplaintCommand (which refuses archived complaints, the usual source of cases); it takes the
 * same checks in the same order: visibility (404), role (403), status (409).
 */
async function curated<T>(
  ctx: ActorContext,
  number: string,
  body: (tx: Tx, complaint: Complaint, now: number) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction().execute(async (tx) => {
    const complaint = await lockVisibleComplaint(tx, ctx, number);
    requirePermission(ctx.actor, 'curate_case');
    if (!CURATE_CASE_FROM.includes(complaint.status as Status))
      throw conflict('illegal_transition', { action: 'curate_case', status: complaint.status });
    return body(tx, complaint, ctx.clock.now());
  });
}

/** The case's columns as the event records them. */
const recorded = (input: CaseInput) => ({
  title: input.title,
  summary: input.summary ?? '',
  lessons: input.lessons,
  scripts: input.scripts,
  tags: input.tags ?? [],
});

/** Each part of the case that an update changes, before and after. */
function changedParts(before: ComplaintCaseTable, after: ReturnType<typeof recorded>) {
  const was: ReturnType<typeof recorded> = {
    title: before.title,
    summary: before.summary,
    lessons: before.lessons,
    scripts: JSON.parse(before.scripts),
    tags: JSON.parse(before.tags),
  };
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as Array<keyof typeof after>) {
    if (JSON.stringify(was[key]) !== JSON.stringify(after[key]))
      changes[key] = { from: was[key], to: after[key] };
  }
  return changes;
}

/** 设为案例 / 编辑案例: mark the complaint as a case of the library, or update its case. */
export async function markCase(ctx: ActorContext, number: string, input: CaseInput): Promise<void> {
  await curated(ctx, number, async (tx, complaint, now) => {
    const existing = await tx
      .selectFrom('complaint_cases')
      .selectAll()
      .where('complaint_id', '=', complaint.id)
      .executeTakeFirst();
    const value = recorded(input);
    const columns = {
      ...value,
      scripts: JSON.stringify(value.scripts),
      tags: JSON.stringify(value.tags),
      category_id: complaint.category_id,
      terms: caseTerms(input),
      updated_by: ctx.actor.userId,
      updated_at: now,
    };
    if (existing) {
      await tx.updateTable('complaint_cases').set(columns).where('complaint_id', '=', complaint.id).execute();
    } else {
      await tx
        .insertInto('complaint_cases')
        .values({ ...columns, complaint_id: complaint.id, marked_by: ctx.actor.userId, marked_at: now })
        .execute();
    }
    await appendEvent(tx, {
      streamType: COMPLAINT_STREAM,
      streamId: complaint.id,
      actorId: ctx.actor.userId,
      at: now,
      kind: existing ? 'case_updated' : 'case_marked',
      data: existing ? { changes: changedParts(existing, value) } : { case: value },
    });
  });
}

/** 取消案例: the complaint leaves the library; its history keeps what the case said. */
export async function unmarkCase(ctx: ActorContext, number: string): Promise<void> {
  await curated(ctx, number, async (tx, complaint, now) => {
    const removed = await tx
      .deleteFrom('complaint_cases')
      .where('complaint_id', '=', complaint.id)
      .returning(['title'])
      .executeTakeFirst();
    if (!removed) throw notFound('case_not_found', { number });
    await appendEvent(tx, {
      streamType: COMPLAINT_STREAM,
      streamId: complaint.id,
      actorId: ctx.actor.userId,
      at: now,
      kind: 'case_unmarked',
      data: { title: removed.title },
    });
  });
}
