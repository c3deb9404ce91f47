/**
 * Scoring predictions against gold labels. A gold label matches when it names the predicted label
 * or one of its ancestors, so a file labelled at level 1 can evaluate a model that predicts leaves.
 */
import { type LoadedModel, predict, type Sample } from './model.js';

/** How a predicted label is named: itself and every ancestor, each by all its names. */
export type Names = (predicted: string) => string[][];

/** For file models: labels are paths (`a/b/c` or `a.b.c`), each prefix names an ancestor. */
export const pathNames: Names = (predicted) => {
  const sep = predicted.includes('/') ? '/' : '.';
  const parts = predicted.split(sep);
  return parts.map((_, i) => [parts.slice(0, i + 1).join(sep)]);
};

export function matches(gold: string, predicted: string, names: Names = pathNames): boolean {
  const g = gold.trim().toLowerCase();
  return names(predicted).some((level) => level.some((name) => name.toLowerCase() === g));
}

export interface Evaluation {
  n: number;
  accuracy: number;
  macroF1: number;
  /** Gold labels (rows) × the gold label the prediction was counted as (columns). */
  labels: string[];
  confusion: number[][];
}

/**
 * Accuracy, macro-F1 over the gold labels and the confusion matrix. A prediction is counted as
 * the gold label it matches, or as the first gold label it matches otherwise ("(other)" if none).
 */
export function evaluate(gold: string[], predicted: string[], names: Names = pathNames): Evaluation {
  const labels = [...new Set(gold)].sort();
  const columns = [...labels, '(other)'];
  const confusion = labels.map(() => columns.map(() => 0));
  let correct = 0;
  gold.forEach((g, i) => {
    const p = predicted[i] as string;
    const hit = matches(g, p, names);
    if (hit) correct++;
    const as = hit ? g : (labels.find((l) => matches(l, p, names)) ?? '(other)');
    const row = confusion[labels.indexOf(g)] as number[];
    const col = columns.indexOf(as);
    row[col] = (row[col] as number) + 1;
  });
  const f1s = labels.map((_, k) => {
    const tp = confusion[k]?.[k] as number;
    const support = (confusion[k] as number[]).reduce((a, b) => a + b, 0);
    const predictedAs = confusion.reduce((sum, row) => sum + (row[k] as number), 0);
    const precision = predictedAs ? tp / predictedAs : 0;
    const recall = support ? tp / support : 0;
    return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  });
  return {
    n: gold.length,
    accuracy: gold.length ? correct / gold.length : 0,
    macroF1: f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 0,
    labels,
    confusion,
  };
}

export const summaryLine = (e: Evaluation) =>
  `accuracy: ${e.accuracy.toFixed(4)} macro-f1: ${e.macroF1.toFixed(4)} n: ${e.n}`;

/** A model on labelled samples: each text's top category scored against the sample's label. */
export function evaluateModel(loaded: LoadedModel, samples: Sample[], names: Names = pathNames): Evaluation {
  return evaluate(
    samples.map((s) => s.label),
    samples.map((s) => predict(loaded, s.text).category[0]?.label ?? ''),
    names,
  );
}
