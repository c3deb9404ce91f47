/**
 * Grouping documents by their TF-IDF vectors without a fixed number of groups: single-pass leader
 * clustering (a document joins the group whose centroid is nearest when the cosine reaches `join`,
 * else starts a group), then groups whose centroids are closer than `merge` are merged, largest first.
 * A second pass assigns every document to its nearest final centroid. A document is compared only with the groups that share one of its rarer words (an inverted index
 * over words in at most `commonShare` of the documents), so the work grows with the documents, not
 * with documents × groups.
 */
import { dot, normalised, type Vector } from './vectors.js';

export interface ClusterOptions {
  /** Cosine to a group's centroid for a document to join it. */
  join: number;
  /** Cosine between two centroids for their groups to be merged. */
  merge: number;
  /** Smallest group returned. */
  minSize: number;
  /** Words in more than this share of the documents do not pick candidate groups. */
  commonShare: number;
}

export const DEFAULT_CLUSTERING: ClusterOptions = { join: 0.3, merge: 0.35, minSize: 3, commonShare: 0.1 };

export interface Group {
  /** Indexes of the documents, in the order given. */
  members: number[];
  /** Unit-length mean of the members' vectors. */
  centroid: Vector;
}

interface Growing {
  members: number[];
  sum: Vector;
  /** |sum|² kept as documents join. */
  norm2: number;
}

function add(g: Growing, v: Vector, similarity: number): void {
  for (const [w, x] of v) g.sum.set(w, (g.sum.get(w) ?? 0) + x);
  g.norm2 += 2 * similarity + 1;
}

const centroidOf = (g: Growing): Vector => {
  const norm = Math.sqrt(g.norm2) || 1;
  return new Map([...g.sum].map(([w, x]) => [w, x / norm]));
};

export function clusterDocuments(
  vectors: readonly Vector[],
  df: ReadonlyMap<string, number>,
  options: ClusterOptions = DEFAULT_CLUSTERING,
): Group[] {
  const maxDf = Math.max(2, options.commonShare * vectors.length);
  const groups: Growing[] = [];
  const byWord = new Map<string, Set<number>>();
  vectors.forEach((v, doc) => {
    if (v.size === 0) return;
    const rare = [...v.keys()].filter((w) => (df.get(w) ?? 0) <= maxDf);
    const candidates = new Set(rare.flatMap((w) => [...(byWord.get(w) ?? [])]));
    let best = -1;
    let bestCos = 0;
    for (const c of candidates) {
      const g = groups[c] as Growing;
      const cos = dot(v, g.sum) / Math.sqrt(g.norm2);
      if (cos > bestCos) [best, bestCos] = [c, cos];
    }
    const at = bestCos >= options.join ? best : groups.length;
    if (at === groups.length) groups.push({ members: [], sum: new Map(), norm2: 0 });
    const g = groups[at] as Growing;
    add(g, v, at === best ? dot(v, g.sum) : 0);
    g.members.push(doc);
    for (const w of rare) {
      const set = byWord.get(w) ?? new Set<number>();
      set.add(at);
      byWord.set(w, set);
    }
  });
  return reassign(vectors, mergeClose(groups, options), options);
}

/**
 * A second pass (one k-means step) makes the result independent of the order the documents came
 * in: every document goes to the nearest merged centroid it reaches `join` with, centroids are
 * recomputed from the members, and groups below `minSize` are dropped.
 */
function reassign(vectors: readonly Vector[], groups: Group[], options: ClusterOptions): Group[] {
  const byWord = new Map<string, number[]>();
  groups.forEach((g, i) => {
    for (const w of g.centroid.keys()) byWord.set(w, [...(byWord.get(w) ?? []), i]);
  });
  const members = groups.map((): number[] => []);
  vectors.forEach((v, doc) => {
    let best = -1;
    let bestCos = options.join;
    for (const i of new Set([...v.keys()].flatMap((w) => byWord.get(w) ?? []))) {
      const cos = dot(v, (groups[i] as Group).centroid);
      if (cos >= bestCos) [best, bestCos] = [i, cos];
    }
    if (best >= 0) members[best]?.push(doc);
  });
  return members
    .filter((m) => m.length >= options.minSize)
    .map((m) => ({ members: m, centroid: meanOf(m.map((doc) => vectors[doc] as Vector)) }))
    .sort((a, b) => b.members.length - a.members.length);
}

function meanOf(vs: readonly Vector[]): Vector {
  const sum: Vector = new Map();
  for (const v of vs) for (const [w, x] of v) sum.set(w, (sum.get(w) ?? 0) + x);
  return normalised(sum);
}

/** Merge groups (of at least two documents) whose centroids are close, the largest absorbing the rest. */
function mergeClose(groups: Growing[], options: ClusterOptions): Group[] {
  const sized = groups
    .filter((g) => g.members.length >= 2)
    .sort((a, b) => b.members.length - a.members.length);
  const merged: Group[] = [];
  for (const g of sized) {
    const centroid = centroidOf(g);
    const into = merged.find((m) => dot(m.centroid, centroid) >= options.merge);
    if (!into) {
      merged.push({ members: [...g.members], centroid });
      continue;
    }
    const n = into.members.length;
    const k = g.members.length;
    const sum: Vector = new Map();
    for (const [w, x] of into.centroid) sum.set(w, x * n);
    for (const [w, x] of centroid) sum.set(w, (sum.get(w) ?? 0) + x * k);
    into.centroid = normalised(sum);
    into.members.push(...g.members);
  }
  return merged;
}
