/**
 * The express starter model on a held-out fifth of its own corpus (stratified, seeded split):
 * leaf and level-1 accuracy, and how often 投递服务 (delivery) and 延误 (delay) are confused.
 * `npx tsx bench/classify-express.ts`
 */

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, summaryLine } from '../src/modules/classifier/evaluate.js';
import { loadModel, predict, stratifiedFolds, trainModel } from '../src/modules/classifier/model.js';
import { expressCorpus } from '../src/modules/classifier/starter-models.js';

const levelOne = (code: string) => code.split('.')[0] as string;

export function runExpressHoldout(print: (line: string) => void = console.log): void {
  const samples = expressCorpus();
  const fold = stratifiedFolds(
    samples.map((s) => s.label),
    5,
    11,
  );
  const train = samples.filter((_, i) => fold[i] !== 0);
  const test = samples.filter((_, i) => fold[i] === 0);
  const model = loadModel(trainModel(train));
  const predicted = test.map((s) => predict(model, s.text).category[0]?.label ?? '');
  const gold = test.map((s) => s.label);
  print(`express held-out: ${test.length} of ${samples.length} rows (trained on ${train.length})`);
  print(`express leaf     ${summaryLine(evaluate(gold, predicted))}`);
  print(`express level 1  ${summaryLine(evaluate(gold.map(levelOne), predicted))}`);
  const count = (g: string, p: string) =>
    test.filter((s, i) => levelOne(s.label) === g && levelOne(predicted[i] as string) === p).length;
  const of = (g: string) => test.filter((s) => levelOne(s.label) === g).length;
  print(
    `投递服务 (delivery) → 延误 (delay): ${count('delivery', 'delay')} of ${of('delivery')}; 延误 (delay) → 投递服务 (delivery): ${count('delay', 'delivery')} of ${of('delay')}`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) runExpressHoldout();
