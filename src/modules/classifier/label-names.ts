import type { Db, Tx } from '../../db/database.js';
import { flattenPreset, presets } from '../categories/index.js';
import { CategoryIndex } from './categories.js';
import { type Names, pathNames } from './evaluate.js';
import type { NamedModel } from './store.js';

/** A preset tree's names by code, from the preset itself (works before any category is loaded). */
function presetNames(preset: string): Names {
  const tree = presets[preset];
  const nodes = new Map(tree ? flattenPreset(tree).map((n) => [n.code, n]) : []);
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
export async function labelNames(db: Db | Tx, model: Pick<NamedModel, 'name' | 'kind'>): Promise<Names> {
  // A starter model is named after its preset.
  if (model.kind === 'starter') return presetNames(model.name);
  if (model.kind === 'file') return pathNames;
  const categories = await CategoryIndex.load(db);
  return (predicted) => {
    const row = categories.resolve(predicted);
    return row ? categories.names(row) : pathNames(predicted);
  };
}
