import type { ActorContext } from '../../context.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import { QUALITY_STREAM } from './draw-sample.js';
import { getCheck, mayScoreRow, visibleCheck } from './queries.js';
import type { CheckView, ScoreInput } from './schemas.js';
import { type StoredItem, weightedScore } from './scoring.js';

/**
 * 评分: saves the item scores, notes and findings of a draft; with `finalise` every item must be
 * scored, the weighted score is computed and the check becomes final (then the handler sees it and
 * the assessment counts it). The row is locked so two checkers cannot both finalise.
 */
export async function scoreCheck(ctx: ActorContext, id: number, input: ScoreInput): Promise<CheckView> {
  return ctx.db.transaction().execute(async (tx) => {
    const locked = await tx
      .selectFrom('quality_checks')
      .select('id')
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!locked) throw notFound('quality_check_not_found', { id });
    const row = await visibleCheck(ctx, tx, id);
    if (!mayScoreRow(ctx, row)) throw notFound('quality_check_not_found', { id });
    if (row.status !== 'draft') throw conflict('quality_check_not_draft', { status: row.status });
    const stored = JSON.parse(row.items) as StoredItem[];
    const given = new Map(input.items.map((i) => [i.key, i]));
    input.items.forEach((item, i) => {
      if (!stored.some((s) => s.key === item.key))
        throw badRequest('validation_failed', [{ path: `/items/${i}/key`, code: 'unknown_item' }]);
    });
    const items = stored.map((s) => {
      const g = given.get(s.key);
      return g ? { ...s, score: g.score, note: g.note.trim() } : s;
    });
    const score = weightedScore(items);
    if (input.finalise && score === null) {
      const open = items.findIndex((s) => s.score === null);
      throw badRequest('validation_failed', [{ path: `/items/${open}/score`, code: 'required' }]);
    }
    const now = ctx.clock.now();
    await tx
      .updateTable('quality_checks')
      .set({
        items: JSON.stringify(items),
        findings: input.findings.trim() || null,
        checker_id: ctx.actor.userId,
        ...(input.finalise ? { status: 'final', score, scored_at: now } : {}),
      })
      .where('id', '=', id)
      .execute();
    if (input.finalise)
      await appendEvent(tx, {
        streamType: QUALITY_STREAM,
        streamId: id,
        actorId: ctx.actor.userId,
        at: now,
        kind: 'quality_check_finalised',
        data: {
          complaintId: row.complaint_id,
          handlerId: row.handler_id,
          score,
          items,
          findings: input.findings,
        },
      });
    return getCheck(ctx, id, tx);
  });
}
