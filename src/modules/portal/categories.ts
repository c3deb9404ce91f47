import type { AppContext } from '../../context.js';
import { PORTAL_CATEGORY_LEVELS } from './register-from-portal.js';
import type { PortalCategory } from './view-schemas.js';

/** The active categories of the first two levels as a tree, in the admin's order, for the web form. */
export async function portalCategories(app: AppContext): Promise<PortalCategory[]> {
  const rows = await app.db
    .selectFrom('categories')
    .select(['id', 'parent_id', 'name_zh', 'name_en'])
    .where('active', '=', 1)
    .where('level', '<=', PORTAL_CATEGORY_LEVELS)
    .orderBy('level')
    .orderBy('sort')
    .orderBy('id')
    .execute();
  const nodes = new Map<number, PortalCategory>();
  const roots: PortalCategory[] = [];
  for (const r of rows) {
    const node = { id: r.id, nameZh: r.name_zh, nameEn: r.name_en, children: [] };
    if (r.parent_id === null) {
      nodes.set(r.id, node);
      roots.push(node);
    }
    // A child of an inactive parent is left out with it.
    else nodes.get(r.parent_id)?.children.push(node);
  }
  return roots;
}
