/**
 * Grouping documents by their TF-IDF vectors without a fixed number of groups: single-pass leader
 * clustering (a document joins the group whose centroid is nearest when the cosine reaches `join`,
 * else starts a group), then groups whose centroids are closer than `merge` are merged, largest first.
 * A second pass assigns every document to its nearest final centroid. A document is compared only
 * with the groups found under one of its eight heaviest words (an index of each group's first
 * document's rarer words — in at most `commonShare` of the documents — and of its centroid's ten
 * heaviest each time the group doubles), so the work does not grow with documents × groups: 20,000
 * complaints (COCC and express rows repeated) cluster in about 11 s on the 2-core machine, against
 * 63 s comparing each with every group sharing a word (segmenting them takes 4–6 s).
 */
import { dot, normalised, type Vector } from './vectors.js';

export interface ClusterOptions {
  /** Cosine to a group's centroid for a document to join it. */
  join: number;
  /** Cosine between two centroids for their groups to be merged. */
  merge: number;
  /** Smallest group returned. */
  minSize: number;
  /** Words in more than this share of the documents do not find a group in the first pass. */
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
  // A group is found by its first document's heaviest rarer words; a document looks under its own.
  const byWord = new WordIndex();
  vectors.forEach((v, doc) => {
    if (v.size === 0) return;
    const keys = topKeys(v, QUERY_WORDS, (w) => (df.get(w) ?? 0) <= maxDf);
    let best = -1;
    let bestCos = 0;
    for (const c of byWord.candidates(keys)) {
      const g = groups[c] as Growing;
      const cos = dot(v, g.sum) / Math.sqrt(g.norm2);
      if (cos > bestCos) [best, bestCos] = [c, cos];
    }
    if (bestCos >= options.join) {
      const g = groups[best] as Growing;
      add(g, v, dot(v, g.sum));
      g.members.push(doc);
      // As a group doubles, its centroid's heaviest words find it too.
      if ((g.members.length & (g.members.length - 1)) === 0) byWord.add(g.sum, best);
      return;
    }
    const g: Growing = { members: [doc], sum: new Map(), norm2: 0 };
    add(g, v, 0);
    byWord.addWords(keys, groups.length);
    groups.push(g);
  });
  return reassign(vectors, mergeClose(groups, options), options);
}

/**
 * A second pass (one k-means step) makes the result independent of the order the documents came
 * in: every document goes to the nearest merged centroid it reaches `join` with, centroids are
 * recomputed from the members, and groups below `minSize` are dropped.
 */
function reassign(vectors: readonly Vector[], groups: Group[], options: ClusterOptions): Group[] {
  const byWord = new WordIndex();
  groups.forEach((g, i) => {
    byWord.add(g.centroid, i);
  });
  const members = groups.map((): number[] => []);
  vectors.forEach((v, doc) => {
    let best = -1;
    let bestCos = options.join;
    for (const i of byWord.candidates(topKeys(v, QUERY_WORDS))) {
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

/** How many of a centroid's heaviest words find it, and how many of a document's it looks under. */
const INDEXED_WORDS = 10;
const QUERY_WORDS = 8;

const topKeys = (v: Vector, n = INDEXED_WORDS, keep: (word: string) => boolean = () => true) =>
  [...v]
    .filter(([w]) => keep(w))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([w]) => w);

/** Groups by their centroids' heaviest words, for finding the few worth comparing. */
class WordIndex {
  private readonly byWord = new Map<string, Set<number>>();

  add(centroid: Vector, group: number): void {
    this.addWords(topKeys(centroid), group);
  }

  addWords(words: readonly string[], group: number): void {
    for (const w of words) {
      const set = this.byWord.get(w) ?? new Set<number>();
      set.add(group);
      this.byWord.set(w, set);
    }
  }

  /** Groups indexed under any of `words`, in ascending order (larger groups first when sorted so). */
  candidates(words: Iterable<string>): number[] {
    const found = new Set<number>();
    for (const w of words) for (const g of this.byWord.get(w) ?? []) found.add(g);
    return [...found].sort((a, b) => a - b);
  }
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
  const byWord = new WordIndex();
  for (const g of sized) {
    const centroid = centroidOf(g);
    let into: Group | undefined;
    for (const i of byWord.candidates(topKeys(centroid))) {
      const m = merged[i] as Group;
      if (dot(m.centroid, centroid) >= options.merge) {
        into = m;
        break;
      }
    }
    if (!into) {
      byWord.add(centroid, merged.length);
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
    byWord.add(into.centroid, merged.indexOf(into));
  }
  return merged;
}
