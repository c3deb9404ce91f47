/**
 * Model families and feature sets for a starter model (ADR 0040), at level 1 of its preset tree:
 * each is trained on the generated colloquial corpus and scored on the tidy hand-written corpus
 * (express.tsv or retail.tsv, written independently of the generator), so a family that only
 * memorises the generator's templates does not look good. `npx tsx bench/classify-families.ts [retail]`
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, summaryLine } from '../src/modules/classifier/evaluate.js';
import { type TermCounts, termCounts } from '../src/modules/classifier/features.js';
import { decisionValues, SVM_DEFAULTS, trainOneVsRest } from '../src/modules/classifier/linear-svm.js';
import { generatedCorpus, type StarterName, tidyCorpus } from '../src/modules/classifier/starter-models.js';
import {
  fitVocabulary,
  type SparseVector,
  termIndex,
  vectorize,
} from '../src/modules/classifier/vectorizer.js';

const levelOne = (code: string) => code.split('.')[0] as string;

interface Variant {
  name: string;
  chars: boolean;
  lexicon: boolean;
  family: 'svm' | 'cnb';
}

const VARIANTS: Variant[] = [
  { name: 'SVM, words', chars: false, lexicon: false, family: 'svm' },
  { name: 'SVM, words + chars', chars: true, lexicon: false, family: 'svm' },
  { name: 'SVM, words + chars + lexicon', chars: true, lexicon: true, family: 'svm' },
  { name: 'complement NB, words + chars + lexicon', chars: true, lexicon: true, family: 'cnb' },
];

function restricted(doc: TermCounts, v: Variant): TermCounts {
  const words = v.lexicon ? doc.words : new Map([...doc.words].filter(([t]) => !t.startsWith('l:')));
  return { words, chars: v.chars ? doc.chars : new Map() };
}

/** Complement naive Bayes (Rennie et al. 2003) on the TF-IDF vectors: a class scores by what its complement lacks. */
function complementNb(xs: SparseVector[], y: number[], classes: number, dimension: number) {
  const total = new Float64Array(dimension);
  const perClass = Array.from({ length: classes }, () => new Float64Array(dimension));
  xs.forEach((x, i) => {
    const own = perClass[y[i] as number] as Float64Array;
    x.index.forEach((j, k) => {
      own[j] = (own[j] as number) + (x.value[k] as number);
      total[j] = (total[j] as number) + (x.value[k] as number);
    });
  });
  const weights = perClass.map((own) => {
    const comp = total.map((t, j) => t - (own[j] as number) + 1);
    const sum = comp.reduce((a, b) => a + b, 0);
    const w = comp.map((c) => -Math.log(c / sum));
    const norm = w.reduce((a, b) => a + Math.abs(b), 0);
    return Float64Array.from([...w.map((v) => v / norm), 0]);
  });
  return weights;
}

export function runFamilies(
  print: (line: string) => void = console.log,
  starter: StarterName = 'express',
): void {
  const train = generatedCorpus(starter);
  const test = tidyCorpus(starter);
  print(`trained on ${train.length} generated rows, scored on ${test.length} hand-written rows (level 1)`);
  const trainDocs = train.map((s) => termCounts(s.text));
  const testDocs = test.map((s) => termCounts(s.text));
  const labels = [...new Set(train.map((s) => s.label))].sort();
  const y = train.map((s) => labels.indexOf(s.label));
  for (const v of VARIANTS) {
    const docs = trainDocs.map((d) => restricted(d, v));
    const vocabulary = fitVocabulary(docs);
    const index = termIndex(vocabulary);
    const xs = docs.map((d) => vectorize(d, vocabulary, index));
    const dimension = vocabulary.terms.length;
    const set = { xs, labels: y, classCount: labels.length, dimension };
    const weights =
      v.family === 'svm' ? trainOneVsRest(set, SVM_DEFAULTS) : complementNb(xs, y, labels.length, dimension);
    const predicted = testDocs.map((d) => {
      const scores = decisionValues(weights, vectorize(restricted(d, v), vocabulary, index), dimension);
      return labels[scores.indexOf(Math.max(...scores))] as string;
    });
    const e = evaluate(
      test.map((s) => levelOne(s.label)),
      predicted.map(levelOne),
    );
    print(`${v.name.padEnd(40)} ${summaryLine(e)}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]))
  runFamilies(console.log, process.argv[2] === 'retail' ? 'retail' : 'express');
