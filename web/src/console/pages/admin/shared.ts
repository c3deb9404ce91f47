import type { CallOutput, EndpointAt, UrlsOf } from '../../../api/call';

export { ROLES, type Role, UNIT_KINDS } from '../../../../../src/modules/org/model';

/** What a GET of the contract answers, and the rows of a list answer (`{ items }`). */
export type Answer<U extends UrlsOf<'GET'>> = CallOutput<EndpointAt<'GET', U>>;
export type RowOf<U extends UrlsOf<'GET'>> = Answer<U> extends { items: Array<infer R> } ? R : never;

export type Unit = RowOf<'/units'>;
export type AdminUser = RowOf<'/users'>;
export type Category = RowOf<'/categories'>;

export interface UnitNode extends Unit {
  children?: UnitNode[];
}

/** The units as a tree (roots first, children in name order of the API). */
export function unitTree(units: Unit[]): UnitNode[] {
  const nodes = new Map<number, UnitNode>(units.map((u) => [u.id, { ...u }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) {
      parent.children = [...(parent.children ?? []), node];
    } else roots.push(node);
  }
  return roots;
}

/** TreeSelect data for choosing a unit. */
export interface UnitOption {
  value: number;
  title: string;
  children?: UnitOption[];
}
export const unitOptions = (nodes: UnitNode[], label: (u: Unit) => string): UnitOption[] =>
  nodes.map((n) => ({
    value: n.id,
    title: label(n),
    ...(n.children ? { children: unitOptions(n.children, label) } : {}),
  }));

/** TreeSelect data for choosing an active category. */
export function categoryOptions(
  categories: Category[],
  locale: string,
  parentId: number | null = null,
): UnitOption[] {
  return categories
    .filter((c) => c.parentId === parentId && c.active)
    .map((c) => {
      const children = categoryOptions(categories, locale, c.id);
      return {
        value: c.id,
        title: locale === 'en' ? c.nameEn : c.nameZh,
        ...(children.length ? { children } : {}),
      };
    });
}
