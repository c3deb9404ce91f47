import type { ActorContext } from '../../context.js';
import { subtreeEnd } from '../../domain/actor.js';
import type { Role } from '../../domain/roles.js';
import { forbidden } from '../../lib/errors.js';
import type { StaffMember } from './schemas.js';

export type { StaffMember };

/**
 * 人员选择: the active colleagues a complaint can be assigned or transferred to, for any signed-in
 * staff member (the full user list with contact details stays the admin's). Optionally only a
 * unit's subtree and a role. System accounts and inactive users are left out.
 */
export async function listStaff(
  ctx: ActorContext,
  filter: { unitId?: number; role?: Role } = {},
): Promise<StaffMember[]> {
  if (ctx.actor.customerOf !== undefined || ctx.actor.roles.length === 0) throw forbidden();
  let q = ctx.db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.display_name', 'users.unit_id', 'units.name', 'user_roles.role'])
    .where('users.active', '=', 1)
    .where('user_roles.role', '!=', 'admin');
  if (filter.role) q = q.where('user_roles.role', '=', filter.role);
  if (filter.unitId) {
    const unit = await ctx.db
      .selectFrom('units')
      .select('path')
      .where('id', '=', filter.unitId)
      .executeTakeFirst();
    if (!unit) return [];
    q = q.where('units.path', '>=', unit.path).where('units.path', '<', subtreeEnd(unit.path));
  }
  const rows = await q.orderBy('users.unit_id').orderBy('users.id').execute();
  const byId = new Map<number, StaffMember>();
  for (const r of rows) {
    const m = byId.get(r.id) ?? {
      id: r.id,
      displayName: r.display_name,
      unitId: r.unit_id,
      unitName: r.name,
      roles: [],
    };
    m.roles.push(r.role as Role);
    byId.set(r.id, m);
  }
  return [...byId.values()];
}
