import type { ActorContext } from '../../context.js';
import { conflict } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import { COMPLAINT_STREAM, lockVisibleComplaint } from '../complaints/index.js';
import { surveyOpen } from '../portal/index.js';
import type { SurveyInput } from '../portal/schemas.js';
import { requireCaller } from './access.js';
import { insertStaffSurvey } from './surveys.js';

/** 电话满意度调查: staff take the survey down on the phone; it counts like the customer's own, marked `phone`. */
export async function recordPhoneSurvey(
  ctx: ActorContext,
  number: string,
  input: SurveyInput,
): Promise<void> {
  requireCaller(ctx.actor);
  await ctx.db.transaction().execute(async (tx) => {
    const c = await lockVisibleComplaint(tx, ctx, number);
    if (!surveyOpen(c)) throw conflict('survey_not_open', { number: c.number });
    const now = ctx.clock.now();
    const data = await insertStaffSurvey(tx, {
      complaintId: c.id,
      number: c.number,
      source: 'phone',
      input,
      actorId: ctx.actor.userId,
      now,
    });
    await appendEvent(tx, {
      streamType: COMPLAINT_STREAM,
      streamId: c.id,
      actorId: ctx.actor.userId,
      at: now,
      kind: 'survey_submitted',
      data,
    });
  });
}
