/**
 * TF-IDF vectors of documents' words: term frequency (1 + log tf) × inverse document frequency
 * (log((N + 1)/(df + 1)) + 1) from the same set of documents, each vector of unit length, sparse.
 */

export type Vector = Map<string, number>;

export interface Weighted {
  vectors: Vector[];
  /** Documents each word appears in. */
  df: Map<string, number>;
}

export function tfidf(docs: readonly (readonly string[])[]): Weighted {
  const df = new Map<string, number>();
  for (const doc of docs) for (const w of new Set(doc)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = docs.length;
  const vectors = docs.map((doc) => {
    const tf = new Map<string, number>();
    for (const w of doc) tf.set(w, (tf.get(w) ?? 0) + 1);
    const v: Vector = new Map();
    for (const [w, f] of tf) v.set(w, (1 + Math.log(f)) * (Math.log((n + 1) / ((df.get(w) ?? 0) + 1)) + 1));
    return normalised(v);
  });
  return { vectors, df };
}

export function normalised(v: Vector): Vector {
  let sum = 0;
  for (const x of v.values()) sum += x * x;
  const norm = Math.sqrt(sum);
  if (norm === 0) return v;
  return new Map([...v].map(([w, x]) => [w, x / norm]));
}

/** Dot product; the cosine when both are unit vectors. Iterates the smaller map. */
export function dot(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [w, x] of small) {
    const y = large.get(w);
    if (y !== undefined) s += x * y;
  }
  return s;
}

/** The `n` heaviest words of a vector, heaviest first. */
export const topWords = (v: Vector, n: number) =>
  [...v]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([w]) => w);
