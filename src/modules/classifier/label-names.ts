import type { Db, Tx } from '../../db/database.js';
import { expressPreset, flattenPreset } from '../categories/index.js';
import { CategoryIndex } from './categories.js';
import { type Names, pathNames } from './evaluate.js';
import type { ModelKind } from './store.js';

/** The express tree's names by code, from the preset itself (works before any category is loaded). */
function expressNames(): Names {
  const nodes = new Map(flattenPreset(expressPreset).map((n) => [n.code, n]));
  return (predicted) => {
    const chain: string[][] = [];
    for (let n = nodes.get(predicted); n; n = n.parentCode ? nodes.get(n.parentCode) : undefined)
      chain.unshift([n.code, n.zh, n.en]);
    return chain.length ? chain : pathNames(predicted);
  };
}

/**
 * How a model's predicted label and its ancestors are named, for evaluation: category-tree models
 * by code or Chinese/English name, file models by the label itself and its path prefixes.
 */
export async function labelNames(db: Db | Tx, kind: ModelKind): Promise<Names> {
  if (kind === 'express') return expressNames();
  if (kind === 'file') return pathNames;
  const categories = await CategoryIndex.load(db);
  return (predicted) => {
    const row = categories.resolve(predicted);
    return row ? categories.names(row) : pathNames(predicted);
  };
}
