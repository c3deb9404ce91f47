import { seededRandom, shuffle } from './random.js';
import { dot, type SparseVector } from './vectorizer.js';

export interface SvmOptions {
  /** Inverse regularisation strength. */
  c: number;
  /** Stop when the projected-gradient spread falls below this (liblinear's default 0.1). */
  epsilon: number;
  maxIterations: number;
  seed: number;
}

export const SVM_DEFAULTS: SvmOptions = { c: 0.5, epsilon: 0.1, maxIterations: 200, seed: 42 };

/** Weights of one binary classifier; the last entry is the bias (a constant feature of value 1). */
export type BinaryWeights = Float64Array;

/**
 * L2-regularised L2-loss linear SVM solved in the dual by coordinate descent
 * (Hsieh et al. 2008, liblinear's solver 1), without shrinking. `positive[i]` says which side x_i is on.
 */
export function trainBinarySvm(
  xs: SparseVector[],
  positive: boolean[],
  dimension: number,
  options: SvmOptions = SVM_DEFAULTS,
  weights?: number[],
): BinaryWeights {
  const w = new Float64Array(dimension + 1);
  const n = xs.length;
  const alpha = new Float64Array(n);
  // A row of weight k costs k times as much when misclassified: its own C (liblinear's instance weights).
  const diags = Float64Array.from({ length: n }, (_, i) => 1 / (2 * options.c * (weights?.[i] ?? 1)));
  const qd = xs.map((x, i) => {
    let s = 1; // the bias feature
    for (const v of x.value) s += v * v;
    return s + (diags[i] as number);
  });
  const order = Array.from({ length: n }, (_, i) => i);
  const random = seededRandom(options.seed);
  for (let iteration = 0; iteration < options.maxIterations; iteration++) {
    shuffle(order, random);
    let maxPg = Number.NEGATIVE_INFINITY;
    let minPg = Number.POSITIVE_INFINITY;
    for (const i of order) {
      const x = xs[i] as SparseVector;
      const y = positive[i] ? 1 : -1;
      const a = alpha[i] as number;
      const g = y * (dot(w, x) + (w[dimension] as number)) - 1 + a * (diags[i] as number);
      const pg = a === 0 ? Math.min(g, 0) : g;
      maxPg = Math.max(maxPg, pg);
      minPg = Math.min(minPg, pg);
      if (Math.abs(pg) < 1e-12) continue;
      const next = Math.max(a - g / (qd[i] as number), 0);
      const d = (next - a) * y;
      alpha[i] = next;
      for (let k = 0; k < x.index.length; k++) {
        const j = x.index[k] as number;
        w[j] = (w[j] as number) + d * (x.value[k] as number);
      }
      w[dimension] = (w[dimension] as number) + d;
    }
    if (maxPg - minPg < options.epsilon) break;
  }
  return w;
}

/** Rows to train on: their features, the label number of each (0 … classCount - 1), the feature count. */
export interface TrainingSet {
  xs: SparseVector[];
  labels: number[];
  classCount: number;
  dimension: number;
  /** Per-row weights (absent: 1 each). */
  weights?: number[];
}

/** One-vs-rest: one binary classifier per label. */
export function trainOneVsRest(
  { xs, labels, classCount, dimension, weights }: TrainingSet,
  options: SvmOptions = SVM_DEFAULTS,
): BinaryWeights[] {
  return Array.from({ length: classCount }, (_, k) =>
    trainBinarySvm(
      xs,
      labels.map((l) => l === k),
      dimension,
      { ...options, seed: options.seed + k },
      weights,
    ),
  );
}

export function decisionValues(weights: ArrayLike<number>[], x: SparseVector, dimension: number): number[] {
  return weights.map((w) => dot(w, x) + (w[dimension] as number));
}
