import { createHash } from 'node:crypto';
import type { Tx } from '../../db/database.js';
import type { SurveySource } from '../../db/schema.js';
import { conflict } from '../../lib/errors.js';
import type { SurveyInput } from '../portal/schemas.js';

/**
 * A survey taken down by staff (by phone, or on the return visit): one per complaint and source, beside
 * the customer's own portal survey. Answers what the history records: the scores and a hash of the words.
 */
export async function insertStaffSurvey(
  tx: Tx,
  s: {
    complaintId: number;
    number: string;
    source: SurveySource;
    input: SurveyInput;
    actorId: number;
    now: number;
  },
): Promise<Record<string, unknown>> {
  const earlier = await tx
    .selectFrom('satisfaction_surveys')
    .select('id')
    .where('complaint_id', '=', s.complaintId)
    .where('source', '=', s.source)
    .executeTakeFirst();
  if (earlier) throw conflict('survey_already_submitted', { number: s.number });
  const scores = {
    speed: s.input.speed,
    effectiveness: s.input.effectiveness,
    attitude: s.input.attitude,
    transparency: s.input.transparency,
    recommendation: s.input.recommendation,
  };
  await tx
    .insertInto('satisfaction_surveys')
    .values({
      complaint_id: s.complaintId,
      source: s.source,
      ...scores,
      suggestions: s.input.suggestions ?? null,
      recorded_by: s.actorId,
      submitted_at: s.now,
    })
    .execute();
  return {
    source: s.source,
    ...scores,
    ...(s.input.suggestions
      ? { suggestionsSha256: createHash('sha256').update(s.input.suggestions).digest('hex') }
      : {}),
  };
}
