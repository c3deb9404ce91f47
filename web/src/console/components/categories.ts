import { useEffect, useState } from 'react';
import { api } from '../../api/client';

export interface Category {
  id: number;
  parentId: number | null;
  nameZh: string;
  nameEn: string;
  active: boolean;
}

export interface CategoryNode {
  value: number;
  title: string;
  children: CategoryNode[];
}

/** The category tree for a TreeSelect, in the current language. */
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

let cache: Promise<Category[]> | null = null;
/** The active categories (GET /categories), fetched once per page load. */
export function useCategories(): Category[] {
  const [categories, setCategories] = useState<Category[]>([]);
  useEffect(() => {
    cache ??= api<{ items: Category[] }>('/categories')
      .then((r) => r.items.filter((c) => c.active))
      .catch(() => {
        cache = null;
        return [];
      });
    let live = true;
    cache.then((c) => live && setCategories(c));
    return () => {
      live = false;
    };
  }, []);
  return categories;
}
