import { createHash } from 'node:crypto';
import type { ActorContext } from '../../context.js';
import type { Complaint } from '../../db/schema.js';
import { conflict } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import { COMPLAINT_STREAM, lockVisibleComplaint, requirePermission } from '../complaints/index.js';
import type { SurveyInput } from './schemas.js';

const ANSWERED = new Set(['replied', 'resolved', 'closed']);

/** The survey opens once the customer has been answered (or has already said whether they are satisfied). */
export const surveyOpen = (c: Pick<Complaint, 'status' | 'customer_confirmation'>) =>
  ANSWERED.has(c.status) || c.customer_confirmation !== null;

/** A unique-key violation on either database: a concurrent request inserted the same key first. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * 满意度调查: speed, effectiveness, attitude, transparency (1–5), recommendation (0–10), once per
 * complaint from the customer (staff may also take one down by phone or on the return visit).
 */
export async function submitSurvey(ctx: ActorContext, number: string, input: SurveyInput): Promise<void> {
  try {
    await ctx.db.transaction().execute(async (tx) => {
      const c = await lockVisibleComplaint(tx, ctx, number);
      requirePermission(ctx.actor, 'survey');
      const earlier = await tx
        .selectFrom('satisfaction_surveys')
        .select('complaint_id')
        .where('complaint_id', '=', c.id)
        .where('source', '=', 'portal')
        .executeTakeFirst();
      if (earlier) throw conflict('survey_already_submitted', { number: c.number });
      if (!surveyOpen(c)) throw conflict('survey_not_open', { number: c.number });
      const now = ctx.clock.now();
      const scores = {
        speed: input.speed,
        effectiveness: input.effectiveness,
        attitude: input.attitude,
        transparency: input.transparency,
        recommendation: input.recommendation,
      };
      await tx
        .insertInto('satisfaction_surveys')
        .values({ complaint_id: c.id, ...scores, suggestions: input.suggestions ?? null, submitted_at: now })
        .execute();
      await appendEvent(tx, {
        streamType: COMPLAINT_STREAM,
        streamId: c.id,
        actorId: ctx.actor.userId,
        at: now,
        kind: 'survey_submitted',
        // The customer's words stay in the survey row; the history pins them with a hash.
        data: {
          ...scores,
          ...(input.suggestions
            ? { suggestionsSha256: createHash('sha256').update(input.suggestions).digest('hex') }
            : {}),
        },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('survey_already_submitted', { number });
    throw error;
  }
}
