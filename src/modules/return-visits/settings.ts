import type { ActorContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import { badRequest } from '../../lib/errors.js';
import { requireAdmin } from '../org/index.js';
import { readSetting, writeSetting } from '../settings/index.js';
import type { ReturnVisitSettings } from './schemas.js';
import { DEFAULT_RETURN_VISIT_SETTINGS } from './selection.js';

export const RETURN_VISIT_SETTING = 'return_visits';

/** The stored settings over the defaults, so that a setting added later has its default. */
export async function readReturnVisitSettings(db: Db | Tx): Promise<ReturnVisitSettings> {
  return {
    ...DEFAULT_RETURN_VISIT_SETTINGS,
    ...(await readSetting(db, RETURN_VISIT_SETTING, DEFAULT_RETURN_VISIT_SETTINGS)),
  };
}

/** The admin sets the delays; every rule's category must exist, and a category and grade appear once. */
export async function saveReturnVisitSettings(
  ctx: ActorContext,
  input: ReturnVisitSettings,
): Promise<ReturnVisitSettings> {
  requireAdmin(ctx.actor);
  const ids = [...new Set(input.rules.flatMap((r) => (r.categoryId === null ? [] : [r.categoryId])))];
  const known = new Set(
    ids.length
      ? (await ctx.db.selectFrom('categories').select('id').where('id', 'in', ids).execute()).map((c) => c.id)
      : [],
  );
  const seen = new Set<string>();
  const fields = input.rules.flatMap((r, i) => {
    const key = `${r.categoryId}:${r.grade}`;
    const duplicate = seen.has(key);
    seen.add(key);
    if (r.categoryId !== null && !known.has(r.categoryId))
      return [{ path: `/rules/${i}/categoryId`, code: 'unknown_category' }];
    return duplicate ? [{ path: `/rules/${i}`, code: 'duplicate_rule' }] : [];
  });
  if (fields.length) throw badRequest('validation_failed', fields);
  return writeSetting(ctx, RETURN_VISIT_SETTING, input, DEFAULT_RETURN_VISIT_SETTINGS);
}
