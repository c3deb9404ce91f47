/**
 * 5-fold stratified, seeded cross-validation of the classifier on a labelled TSV file
 * (default: the COCC work orders). `npx tsx bench/classify-cv.ts [FILE]`
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crossValidate } from '../src/modules/classifier/cross-validate.js';
import { parseTsv } from '../src/modules/classifier/tsv.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const COCC_FILE = path.resolve(ROOT, '../shared/data/cocc/train.tsv');

/** Runs the cross-validation; returns the mean line. */
export function runCrossValidation(file: string, print: (line: string) => void = console.log): string {
  const samples = parseTsv(readFileSync(file, 'utf8'));
  const started = Date.now();
  const folds = crossValidate(samples, 5);
  for (const [i, e] of folds.entries()) {
    const c = e.confidence;
    print(
      `fold ${i + 1}: accuracy ${e.accuracy.toFixed(4)} macro-F1 ${e.macroF1.toFixed(4)} n ${e.n}` +
        ` | mean confidence ${c.meanConfidence.toFixed(4)}, ≥ ${c.threshold}: ${(c.sureShare * 100).toFixed(1)} % of rows at accuracy ${c.sureAccuracy.toFixed(4)}`,
    );
  }
  const mean = (f: (e: (typeof folds)[number]) => number) =>
    folds.reduce((s, e) => s + f(e), 0) / folds.length;
  const line = `classify cv ${path.basename(file)} (${samples.length} rows, 5 folds): mean accuracy ${mean((e) => e.accuracy).toFixed(4)} macro-F1 ${mean((e) => e.macroF1).toFixed(4)}`;
  print(line);
  print(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return line;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  runCrossValidation(process.argv[2] ? path.resolve(process.argv[2]) : COCC_FILE);
}
