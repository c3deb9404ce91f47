import { useMemo } from 'react';
import type { CallOutput, EndpointAt } from '../../api/call';
import { useApi } from '../../api/hooks';

/** A category as GET /categories answers. */
export type Category = CallOutput<EndpointAt<'GET', '/categories'>>['items'][number];

export interface CategoryNode {
  value: number;
  title: string;
  children: CategoryNode[];
}

/** The category tree for a TreeSelect (or a Cascader with `fieldNames.label = 'title'`), in the current language. */
export function categoryTree(categories: Category[], en: boolean): CategoryNode[] {
  const nodes = new Map<number, CategoryNode>();
  for (const c of categories) nodes.set(c.id, { value: c.id, title: en ? c.nameEn : c.nameZh, children: [] });
  const roots: CategoryNode[] = [];
  for (const c of categories) {
    const node = nodes.get(c.id) as CategoryNode;
    const parent = c.parentId === null ? undefined : nodes.get(c.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

const NONE: Category[] = [];

/** The active categories (GET /categories, through the shared cache: fetched once for every page that shows them). */
export function useCategories(): Category[] {
  // The URL given as a type argument: inferring it here costs TypeScript more than it allows (TS2589).
  const { data } = useApi<'/categories'>('/categories', {}, { staleTime: Number.POSITIVE_INFINITY });
  return useMemo(() => data?.items.filter((c) => c.active) ?? NONE, [data]);
}
