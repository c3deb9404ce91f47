import { sql } from 'kysely';
import type { ActorContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { invalidating } from '../../db/reference-cache.js';
import { subtreeEnd } from '../../domain/actor.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import { tokenActors } from './api-tokens.js';
import type { UnitKind } from './model.js';
import { requireAdmin } from './policy.js';
import type { UnitView } from './schemas.js';
import { unitCache } from './unit-cache.js';

export { UNIT_KINDS, type UnitKind } from './model.js';
export type { UnitView };

/** Insert a unit under `parentId` (or as a root) inside `tx`; used by the admin command and the seed. */
export async function insertUnit(
  tx: Tx,
  input: { parentId: number | null; name: string; nameEn?: string | null; kind: UnitKind },
  now: number,
): Promise<UnitView> {
  let parentPath = '/';
  if (input.parentId !== null) {
    const parent = await tx
      .selectFrom('units')
      .select('path')
      .where('id', '=', input.parentId)
      .executeTakeFirst();
    if (!parent) throw badRequest('validation_failed', [{ path: '/parentId', code: 'unknown_unit' }]);
    parentPath = parent.path;
  }
  const { id } = await tx
    .insertInto('units')
    .values({
      parent_id: input.parentId,
      name: input.name,
      name_en: input.nameEn ?? null,
      kind: input.kind,
      path: `pending:${now}:${Math.random()}`,
      active: 1,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = `${parentPath}${id}/`;
  await tx.updateTable('units').set({ path }).where('id', '=', id).execute();
  return {
    id,
    parentId: input.parentId,
    name: input.name,
    nameEn: input.nameEn ?? null,
    kind: input.kind,
    path,
    active: true,
  };
}

export async function createUnit(
  ctx: ActorContext,
  input: { parentId: number | null; name: string; nameEn?: string | null; kind: UnitKind },
): Promise<UnitView> {
  requireAdmin(ctx.actor);
  const now = ctx.clock.now();
  return invalidating(ctx.db, [tokenActors, unitCache], () =>
    ctx.db.transaction().execute(async (tx) => {
      const unit = await insertUnit(tx, input, now);
      await appendEvent(tx, {
        streamType: 'unit',
        streamId: unit.id,
        actorId: ctx.actor.userId,
        at: now,
        kind: 'unit_created',
        data: { parentId: unit.parentId, name: unit.name, kind: unit.kind },
      });
      return unit;
    }),
  );
}

/**
 * Rename, re-kind, deactivate or move a unit. A move rewrites the paths of the unit's subtree and of
 * the complaints filed under it in the same transaction, so visibility follows the new tree at once.
 */
export async function updateUnit(
  ctx: ActorContext,
  id: number,
  input: { name?: string; nameEn?: string | null; kind?: UnitKind; active?: boolean; parentId?: number },
): Promise<UnitView> {
  requireAdmin(ctx.actor);
  const now = ctx.clock.now();
  return invalidating(ctx.db, [tokenActors, unitCache], () =>
    ctx.db.transaction().execute(async (tx) => {
      const before = await tx
        .selectFrom('units')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!before) throw notFound('unit_not_found');
      let path = before.path;
      if (input.parentId !== undefined && input.parentId !== before.parent_id) {
        const parent = await tx
          .selectFrom('units')
          .select('path')
          .where('id', '=', input.parentId)
          .executeTakeFirst();
        if (!parent) throw badRequest('validation_failed', [{ path: '/parentId', code: 'unknown_unit' }]);
        if (parent.path.startsWith(before.path)) {
          throw badRequest('validation_failed', [{ path: '/parentId', code: 'unit_cycle' }]);
        }
        path = `${parent.path}${id}/`;
        const end = subtreeEnd(before.path);
        const rewrite = (col: 'path' | 'unit_path' | 'intake_unit_path') =>
          sql<string>`${path} || substr(${sql.ref(col)}, ${before.path.length + 1})`;
        await tx
          .updateTable('units')
          .set({ path: rewrite('path') })
          .where('path', '>=', before.path)
          .where('path', '<', end)
          .execute();
        for (const col of ['unit_path', 'intake_unit_path'] as const) {
          await tx
            .updateTable('complaints')
            .set({ [col]: rewrite(col) })
            .where(col, '>=', before.path)
            .where(col, '<', end)
            .execute();
        }
      }
      const next = {
        parent_id: input.parentId ?? before.parent_id,
        name: input.name ?? before.name,
        name_en: input.nameEn === undefined ? before.name_en : input.nameEn,
        kind: input.kind ?? (before.kind as UnitKind),
        active: input.active === undefined ? before.active : input.active ? 1 : 0,
      } as const;
      await tx.updateTable('units').set(next).where('id', '=', id).execute();
      await appendEvent(tx, {
        streamType: 'unit',
        streamId: id,
        actorId: ctx.actor.userId,
        at: now,
        kind: 'unit_updated',
        data: { before: { ...pick(before), path: before.path }, after: { ...next, path } },
      });
      return {
        id,
        parentId: next.parent_id,
        name: next.name,
        nameEn: next.name_en,
        kind: next.kind,
        path,
        active: next.active === 1,
      };
    }),
  );
}

const pick = (u: {
  parent_id: number | null;
  name: string;
  name_en: string | null;
  kind: string;
  active: number;
}) => ({
  parent_id: u.parent_id,
  name: u.name,
  name_en: u.name_en,
  kind: u.kind,
  active: u.active,
});

export async function listUnits(ctx: ActorContext): Promise<UnitView[]> {
  const rows = await ctx.db.selectFrom('units').selectAll().orderBy('path').execute();
  return rows.map((u) => ({
    id: u.id,
    parentId: u.parent_id,
    name: u.name,
    nameEn: u.name_en,
    kind: u.kind as UnitKind,
    path: u.path,
    active: u.active === 1,
  }));
}
