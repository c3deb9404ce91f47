import type { ActorContext } from '../../context.js';
import { seesAll } from '../../domain/actor.js';
import type { FulfilmentsView } from './fulfilment-schemas.js';
import { fulfilmentView } from './fulfilment-view.js';
import { visibleTo } from './queries.js';

/** How many remedies the approvals page lists in each state. */
const LIMIT = 200;

/**
 * 方案执行: on the complaints this actor may see, the approved remedies awaiting fulfilment (due
 * first) or the latest carried out, failed or cancelled (latest first); one query.
 */
export async function fulfilments(ctx: ActorContext, state: 'open' | 'done'): Promise<FulfilmentsView> {
  let q = ctx.db
    .selectFrom('remedy_proposals as r')
    .innerJoin('complaints', 'complaints.id', 'r.complaint_id')
    .leftJoin('users as owner', 'owner.id', 'r.fulfilment_owner_id')
    .leftJoin('users as recorder', 'recorder.id', 'r.fulfilled_by')
    .select([
      'complaints.number',
      'complaints.title',
      'complaints.grade',
      'r.id',
      'r.kinds',
      'r.amount',
      'r.fulfilment_status',
      'r.fulfilment_owner_id',
      'r.fulfilment_due_at',
      'r.fulfilled_at',
      'r.fulfilled_by',
      'r.fulfilment_proof',
      'r.fulfilment_note',
      'owner.display_name as owner_name',
      'recorder.display_name as recorder_name',
    ]);
  q =
    state === 'open'
      ? q.where('r.fulfilment_status', '=', 'pending').orderBy('r.fulfilment_due_at').orderBy('r.id')
      : q
          .where('r.fulfilment_status', 'in', ['done', 'failed', 'cancelled'])
          .orderBy('r.fulfilled_at', 'desc')
          .orderBy('r.id', 'desc');
  if (!seesAll(ctx.actor)) q = q.where(visibleTo(ctx));
  const rows = await q.limit(LIMIT).execute();
  const now = ctx.clock.now();
  return {
    items: rows.flatMap((r) => {
      const names = new Map([
        [r.fulfilment_owner_id, r.owner_name],
        [r.fulfilled_by, r.recorder_name],
      ]);
      const fulfilment = fulfilmentView(r, (id) => names.get(id) ?? null, now);
      return fulfilment
        ? [
            {
              number: r.number,
              title: r.title,
              grade: r.grade,
              remedyId: r.id,
              kinds: JSON.parse(r.kinds) as string[],
              amount: r.amount,
              fulfilment,
            },
          ]
        : [];
    }),
  };
}
