import { type Evaluation, evaluate } from './evaluate.js';
import {
  loadModel,
  predict,
  type Sample,
  stratifiedFolds,
  TRAIN_DEFAULTS,
  type TrainOptions,
  trainModel,
} from './model.js';

/** How far the held-out confidences can be trusted. */
export interface ConfidenceCheck {
  /** Mean confidence of the top label: close to the accuracy when calibrated. */
  meanConfidence: number;
  /** Share of the rows whose top confidence reaches `threshold`, and their accuracy. */
  threshold: number;
  sureShare: number;
  sureAccuracy: number;
}

export type FoldResult = Evaluation & { confidence: ConfidenceCheck };

/** The shipped auto-apply threshold: the accuracy above it is what an agent would get unseen. */
export const SURE_AT = 0.85;

/** Stratified, seeded k-fold cross-validation of the category head. */
export function crossValidate(
  samples: Sample[],
  folds = 5,
  options: TrainOptions = TRAIN_DEFAULTS,
  seed = 7,
): FoldResult[] {
  const fold = stratifiedFolds(
    samples.map((s) => s.label),
    folds,
    seed,
  );
  return Array.from({ length: folds }, (_, f) => {
    const train = samples.filter((_, i) => fold[i] !== f);
    const test = samples.filter((_, i) => fold[i] === f);
    const loaded = loadModel(trainModel(train, options));
    const tops = test.map((s) => predict(loaded, s.text).category[0]);
    const gold = test.map((s) => s.label);
    const evaluation = evaluate(
      gold,
      tops.map((t) => t?.label ?? ''),
    );
    const confidences = tops.map((t) => t?.confidence ?? 0);
    const sure = tops.flatMap((t, i) => ((t?.confidence ?? 0) >= SURE_AT ? [t?.label === gold[i]] : []));
    return {
      ...evaluation,
      confidence: {
        meanConfidence: confidences.reduce((a, b) => a + b, 0) / Math.max(confidences.length, 1),
        threshold: SURE_AT,
        sureShare: sure.length / Math.max(test.length, 1),
        sureAccuracy: sure.length ? sure.filter(Boolean).length / sure.length : 0,
      },
    };
  });
}
