import { expressPreset } from './express.js';
import { retailPreset } from './retail.js';
import type { CategoryPreset, PresetNode } from './types.js';

export { expressPreset } from './express.js';
export { retailPreset } from './retail.js';
export type { CategoryPreset, PresetNode } from './types.js';

/** The category trees an administrator can load, by name. */
export const presets: Record<string, CategoryPreset> = {
  [expressPreset.name]: expressPreset,
  [retailPreset.name]: retailPreset,
};

/** One row of a flattened preset, ready to insert as a category. */
export interface FlatPresetNode {
  code: string;
  parentCode: string | null;
  level: number;
  zh: string;
  en: string;
  sort: number;
}

/**
 * Flatten a preset depth-first, each parent before its children.
 * `level` starts at 1 for the roots; `sort` is the node's index among its siblings.
 */
export function flattenPreset(p: CategoryPreset): FlatPresetNode[] {
  const out: FlatPresetNode[] = [];
  const walk = (nodes: PresetNode[], parentCode: string | null, level: number): void => {
    nodes.forEach((n, sort) => {
      out.push({ code: n.code, parentCode, level, zh: n.zh, en: n.en, sort });
      if (n.children && n.children.length > 0) walk(n.children, n.code, level + 1);
    });
  };
  walk(p.tree, null, 1);
  return out;
}
