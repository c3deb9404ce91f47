import type { Db, Tx } from '../../db/database.js';
import { subtreeEnd } from '../../domain/actor.js';
import { categorySubtreeIds } from '../categories/index.js';
import type { ActionRow } from './change-action.js';
import { changePct, effectWindows } from './rules.js';
import type { Effectiveness } from './schemas.js';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * 效果验证: complaints of the action's category (subtree; every category when it has none) received
 * at its unit (subtree) in the window before the action and the same-length window after its
 * verification. One aggregate statement over the (unit_path, received_at) index; null until verified.
 */
export async function countRecurrence(
  db: Db | Tx,
  a: Pick<ActionRow, 'unit_path' | 'category_id' | 'created_at' | 'verified_at' | 'effect_days'>,
  now: number,
): Promise<Effectiveness | null> {
  if (a.verified_at === null) return null;
  const w = effectWindows({ ...a, verified_at: a.verified_at });
  let q = db
    .selectFrom('complaints as c')
    .select((eb) => [
      eb.fn
        .sum<number | string | null>(eb.case().when('c.received_at', '<', w.before.to).then(1).else(0).end())
        .as('before'),
      eb.fn
        .sum<number | string | null>(
          eb.case().when('c.received_at', '>=', w.after.from).then(1).else(0).end(),
        )
        .as('after'),
    ])
    .where('c.unit_path', '>=', a.unit_path)
    .where('c.unit_path', '<', subtreeEnd(a.unit_path))
    .where((eb) =>
      eb.or([
        eb.and([eb('c.received_at', '>=', w.before.from), eb('c.received_at', '<', w.before.to)]),
        eb.and([eb('c.received_at', '>=', w.after.from), eb('c.received_at', '<', w.after.to)]),
      ]),
    );
  if (a.category_id !== null) q = q.where('c.category_id', 'in', await categorySubtreeIds(db, a.category_id));
  const row = await q.executeTakeFirstOrThrow();
  const before = Number(row.before ?? 0);
  const after = Number(row.after ?? 0);
  return {
    before: { from: iso(w.before.from), to: iso(w.before.to), count: before },
    after: { from: iso(w.after.from), to: iso(w.after.to), count: after },
    changePct: changePct(before, after),
    complete: now >= w.after.to,
  };
}
