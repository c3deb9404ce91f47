import type { TermCounts } from './features.js';

/** A sparse vector: feature indices ascending, with their values. */
export interface SparseVector {
  index: Int32Array;
  value: Float64Array;
}

/** The fitted vocabulary: term → index, and each term's inverse document frequency. */
export interface Vocabulary {
  terms: string[];
  idf: number[];
}

/** Terms in fewer documents than this are noise (misspellings, one-off numbers). */
export const MIN_DF = 2;

export function fitVocabulary(docs: TermCounts[], minDf = MIN_DF): Vocabulary {
  const df = new Map<string, number>();
  for (const doc of docs) {
    for (const term of doc.words.keys()) df.set(term, (df.get(term) ?? 0) + 1);
    for (const term of doc.chars.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  }
  const n = docs.length;
  const terms = [...df.entries()]
    .filter(([, d]) => d >= Math.min(minDf, n))
    .map(([t]) => t)
    .sort();
  // Smoothed idf as in scikit-learn: a term in every document still counts a little.
  const idf = terms.map((t) => Math.log((1 + n) / (1 + (df.get(t) ?? 0))) + 1);
  return { terms, idf };
}

export type TermIndex = Map<string, number>;
export const termIndex = (vocabulary: Vocabulary): TermIndex =>
  new Map(vocabulary.terms.map((t, i) => [t, i]));

const unseenIdfs = new WeakMap<Vocabulary, number>();

/** The idf of a term the vocabulary has not got: that of the rarest terms it has. */
function unseenIdf(vocabulary: Vocabulary): number {
  let idf = unseenIdfs.get(vocabulary);
  if (idf === undefined) {
    idf = vocabulary.idf.reduce((max, v) => Math.max(max, v), 1);
    unseenIdfs.set(vocabulary, idf);
  }
  return idf;
}

/**
 * Sublinear TF-IDF, each group (words, characters) L2-normalised on its own and weighted equally,
 * so a long text's many character n-grams do not drown its words. Unknown terms count in the norm
 * as the rarest known ones: a text mostly made of them yields a short vector, i.e. little evidence,
 * instead of a few known terms blown up to full length.
 */
export function vectorize(doc: TermCounts, vocabulary: Vocabulary, index: TermIndex): SparseVector {
  const entries: Array<[number, number]> = [];
  const unseen = unseenIdf(vocabulary);
  for (const group of [doc.words, doc.chars]) {
    const part: Array<[number, number]> = [];
    let norm = 0;
    for (const [term, count] of group) {
      const i = index.get(term);
      if (i === undefined) {
        norm += ((1 + Math.log(count)) * unseen) ** 2;
        continue;
      }
      const v = (1 + Math.log(count)) * (vocabulary.idf[i] ?? 1);
      part.push([i, v]);
      norm += v * v;
    }
    const scale = norm > 0 ? Math.SQRT1_2 / Math.sqrt(norm) : 0;
    for (const [i, v] of part) entries.push([i, v * scale]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  return {
    index: Int32Array.from(entries, (e) => e[0]),
    value: Float64Array.from(entries, (e) => e[1]),
  };
}

export function dot(w: ArrayLike<number>, x: SparseVector): number {
  let s = 0;
  for (let k = 0; k < x.index.length; k++) s += (w[x.index[k] as number] as number) * (x.value[k] as number);
  return s;
}
