import { DEFAULT_SCALE, fitGate, fitScale, type Gate, gateFactor, NO_GATE, softmax } from './calibrate.js';
import { termCounts } from './features.js';
import {
  decisionValues,
  SVM_DEFAULTS,
  type SvmOptions,
  type TrainingSet,
  trainOneVsRest,
} from './linear-svm.js';
import { seededRandom, shuffle } from './random.js';
import {
  fitVocabulary,
  type SparseVector,
  type TermIndex,
  termIndex,
  textVector,
  type Vocabulary,
  vectorize,
} from './vectorizer.js';

/** One labelled text. Priority and grade are optional: a head is trained only where they are given. */
export interface Sample {
  text: string;
  label: string;
  priority?: string | null;
  grade?: string | null;
  /** How much the row counts in training (absent: 1). */
  weight?: number;
}

export type HeadName = 'category' | 'priority' | 'grade';

/** One linear head: a weight row per label over the shared vocabulary (+ bias last). */
export interface Head {
  labels: string[];
  weights: number[][];
  scale: number;
  /** Scales every confidence down when even the best decision value is low (absent: no gate). */
  gate?: Gate;
}

/** What is stored (JSON): the vocabulary and the heads. */
export interface ClassifierModel {
  format: 'kesu-classifier/1';
  terms: string[];
  idf: number[];
  heads: Partial<Record<HeadName, Head>> & { category: Head };
}

export interface TrainOptions {
  svm: SvmOptions;
  /**
   * Rows that may be held out to calibrate confidences (absent: all). The starter model holds out
   * only hand-written rows: generated ones are too easy and would make it overconfident on real text.
   */
  calibrateOn?: (sample: Sample) => boolean;
  /** The most frequent terms kept (keeps a stored model a few MB). */
  maxFeatures: number;
  /** Folds of held-out decision values used to calibrate confidences (0: no calibration). */
  calibrationFolds: number;
}

export const TRAIN_DEFAULTS: TrainOptions = { svm: SVM_DEFAULTS, maxFeatures: 60000, calibrationFolds: 3 };

/** Fewer rows than this for a head's labels: no head (nothing to learn). */
const MIN_HEAD_ROWS = 4;

function pruned(vocabulary: Vocabulary, maxFeatures: number): Vocabulary {
  if (vocabulary.terms.length <= maxFeatures) return vocabulary;
  // idf is monotone in document frequency: the lowest idf are the most frequent terms.
  const keep = vocabulary.terms
    .map((t, i) => ({ t, idf: vocabulary.idf[i] as number }))
    .sort((a, b) => a.idf - b.idf || (a.t < b.t ? -1 : 1))
    .slice(0, maxFeatures)
    .sort((a, b) => (a.t < b.t ? -1 : 1));
  return { terms: keep.map((k) => k.t), idf: keep.map((k) => k.idf) };
}

const round = (w: number) => (w === 0 ? 0 : Number(w.toPrecision(4)));

function trainHead(
  xs: SparseVector[],
  values: string[],
  dimension: number,
  options: TrainOptions,
  heldOut: boolean[],
  rowWeights: number[],
): Head {
  const labels = [...new Set(values)].sort();
  const y = values.map((v) => labels.indexOf(v));
  const set: TrainingSet = { xs, labels: y, classCount: labels.length, dimension, weights: rowWeights };
  const weights = trainOneVsRest(set, options.svm);
  const { scale, gate } = calibration(set, options, heldOut);
  return { labels, weights: weights.map((w) => Array.from(w, round)), scale, gate };
}

/** Temperature and gate, both fitted on decision values of held-out folds. */
function calibration(
  { xs, labels: y, classCount, dimension, weights }: TrainingSet,
  options: TrainOptions,
  heldOut: boolean[],
): { scale: number; gate: Gate } {
  const folds = options.calibrationFolds;
  const eligible = heldOut.filter(Boolean).length;
  if (folds < 2 || eligible < folds * 2 || classCount < 2) return { scale: DEFAULT_SCALE, gate: NO_GATE };
  // Rows that may not be held out are in every fold's training part (fold -1).
  const fold = stratifiedFolds(y, folds, options.svm.seed).map((f, i) => (heldOut[i] ? f : -1));
  const rows: number[][] = [];
  const truth: number[] = [];
  for (let f = 0; f < folds; f++) {
    const train = xs.flatMap((_, i) => (fold[i] === f ? [] : [i]));
    const foldWeights = trainOneVsRest(
      {
        xs: train.map((i) => xs[i] as SparseVector),
        labels: train.map((i) => y[i] as number),
        classCount,
        dimension,
        weights: weights && train.map((i) => weights[i] as number),
      },
      options.svm,
    );
    xs.forEach((x, i) => {
      if (fold[i] !== f) return;
      rows.push(decisionValues(foldWeights, x, dimension));
      truth.push(y[i] as number);
    });
  }
  const scale = fitScale(rows, truth);
  return { scale, gate: fitGate(rows, truth, scale) };
}

/** Fold number of each row: every label spread evenly over the folds, order seeded. */
export function stratifiedFolds<T>(labels: T[], folds: number, seed: number): number[] {
  const random = seededRandom(seed);
  const byLabel = new Map<T, number[]>();
  labels.forEach((l, i) => {
    const rows = byLabel.get(l);
    if (rows) rows.push(i);
    else byLabel.set(l, [i]);
  });
  const fold = new Array<number>(labels.length).fill(0);
  let next = 0;
  for (const key of [...byLabel.keys()].sort()) {
    for (const i of shuffle(byLabel.get(key) ?? [], random)) fold[i] = next++ % folds;
  }
  return fold;
}

/** Train every head the samples support: category always, priority and grade when given. */
export function trainModel(samples: Sample[], options: TrainOptions = TRAIN_DEFAULTS): ClassifierModel {
  if (samples.length === 0) throw new Error('no samples');
  const docs = samples.map((s) => termCounts(s.text));
  const vocabulary = pruned(fitVocabulary(docs), options.maxFeatures);
  const index = termIndex(vocabulary);
  const xs = docs.map((d) => vectorize(d, vocabulary, index));
  const dimension = vocabulary.terms.length;
  const heldOut = samples.map((s) => options.calibrateOn?.(s) ?? true);
  const weights = samples.map((s) => s.weight ?? 1);
  const heads: ClassifierModel['heads'] = {
    category: trainHead(
      xs,
      samples.map((s) => s.label),
      dimension,
      options,
      heldOut,
      weights,
    ),
  };
  for (const name of ['priority', 'grade'] as const) {
    const rows = samples.flatMap((s, i) => (s[name] ? [i] : []));
    const values = rows.map((i) => samples[i]?.[name] as string);
    if (rows.length < MIN_HEAD_ROWS || new Set(values).size < 2) continue;
    heads[name] = trainHead(
      rows.map((i) => xs[i] as SparseVector),
      values,
      dimension,
      options,
      rows.map((i) => heldOut[i] as boolean),
      rows.map((i) => weights[i] as number),
    );
  }
  return { format: 'kesu-classifier/1', terms: vocabulary.terms, idf: vocabulary.idf, heads };
}

/** Labels of one head, best first, with their confidences. */
export type Ranking = Array<{ label: string; confidence: number }>;

export interface Prediction {
  category: Ranking;
  priority: Ranking | null;
  grade: Ranking | null;
}

/**
 * A head's weights laid out feature by feature (the labels' weights of one term side by side, the
 * biases last): a text touches a few hundred terms, and each then reads one short contiguous run
 * instead of one scattered value in every label's row. Each run is kept as 16-bit steps of its
 * largest weight (`scale`): a quarter of the memory of doubles, so the runs a text reads stay in
 * the cache between texts, and finer than the four digits the stored model keeps.
 */
interface PackedHead {
  head: Head;
  byFeature: Int16Array;
  scale: Float64Array;
}

function pack(head: Head, dimension: number): PackedHead {
  const labels = head.labels.length;
  const byFeature = new Int16Array((dimension + 1) * labels);
  const scale = new Float64Array(dimension + 1);
  for (let j = 0; j <= dimension; j++) {
    const step = head.weights.reduce((max, row) => Math.max(max, Math.abs(row[j] ?? 0)), 0) / 32767;
    scale[j] = step;
    if (step === 0) continue;
    head.weights.forEach((row, l) => {
      byFeature[j * labels + l] = Math.round((row[j] ?? 0) / step);
    });
  }
  return { head, byFeature, scale };
}

/** A model ready to predict: the term index and the packed weights are built once. */
export interface LoadedModel {
  model: ClassifierModel;
  index: TermIndex;
  heads: Partial<Record<HeadName, PackedHead>> & { category: PackedHead };
}

export function loadModel(model: ClassifierModel): LoadedModel {
  const dimension = model.terms.length;
  const { category, priority, grade } = model.heads;
  return {
    model,
    index: termIndex(model),
    heads: {
      category: pack(category, dimension),
      ...(priority ? { priority: pack(priority, dimension) } : {}),
      ...(grade ? { grade: pack(grade, dimension) } : {}),
    },
  };
}

/** The decision value of every label (as decisionValues in linear-svm.ts, from the packed layout). */
function scoresOf({ head, byFeature, scale }: PackedHead, x: SparseVector, dimension: number): number[] {
  const labels = head.labels.length;
  const scores = new Array<number>(labels);
  const bias = dimension * labels;
  for (let l = 0; l < labels; l++) scores[l] = (byFeature[bias + l] as number) * (scale[dimension] as number);
  for (let k = 0; k < x.index.length; k++) {
    const j = x.index[k] as number;
    const base = j * labels;
    const v = (x.value[k] as number) * (scale[j] as number);
    for (let l = 0; l < labels; l++) scores[l] = (scores[l] as number) + (byFeature[base + l] as number) * v;
  }
  return scores;
}

/** Confidences: the softmax of the decision values, times the gate and the evidence. */
function rank(packed: PackedHead, x: SparseVector, dimension: number, evidence: number): Ranking {
  const { labels, gate, scale } = packed.head;
  const scores = scoresOf(packed, x, dimension);
  const factor = gateFactor(gate ?? NO_GATE, Math.max(...scores)) * evidence;
  const p = softmax(scores, scale);
  // Ordered by the softmax: with no evidence at all the order still follows the scores.
  return labels
    .map((_, i) => i)
    .sort(
      (a, b) =>
        (p[b] as number) - (p[a] as number) || ((labels[a] as string) < (labels[b] as string) ? -1 : 1),
    )
    .map((i) => ({ label: labels[i] as string, confidence: (p[i] as number) * factor }));
}

/**
 * Fewer known words than this and confidences shrink in proportion: held-out texts are sentences,
 * so calibration alone cannot tell how little a greeting ("你好 请回电") or a typo says.
 */
const MIN_KNOWN_WORDS = 3;

export function predict(loaded: LoadedModel, text: string): Prediction {
  const { model } = loaded;
  const { x, knownWords } = textVector(text, model, loaded.index);
  const dimension = model.terms.length;
  const factor = Math.min(1, knownWords / MIN_KNOWN_WORDS);
  const { category, priority, grade } = loaded.heads;
  return {
    category: rank(category, x, dimension, factor),
    priority: priority ? rank(priority, x, dimension, factor) : null,
    grade: grade ? rank(grade, x, dimension, factor) : null,
  };
}
