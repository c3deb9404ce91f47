import type { ActorContext } from '../../context.js';
import type { Tx } from '../../db/database.js';

/**
 * A handler set or confirmed a category other than the one predicted at registration: recorded in
 * the same transaction, so the next training from complaints learns the handler's answer.
 */
export async function recordCorrection(
  tx: Tx,
  ctx: ActorContext,
  complaintId: number,
  categoryId: number,
): Promise<void> {
  const predicted = await tx
    .selectFrom('complaint_classifications')
    .select('category_id')
    .where('complaint_id', '=', complaintId)
    .executeTakeFirst();
  if (!predicted || predicted.category_id === categoryId) return;
  await tx
    .insertInto('classification_corrections')
    .values({
      complaint_id: complaintId,
      predicted_category_id: predicted.category_id,
      corrected_category_id: categoryId,
      corrected_by: ctx.actor.userId,
      corrected_at: ctx.clock.now(),
    })
    .execute();
}
