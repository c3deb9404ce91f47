/**
 * `classify`: microseconds to classify one complaint with the express starter model (features,
 * three heads), over a few thousand texts after a warm-up, against the ceiling of jieba segmentation
 * alone on the same texts (the classifier segments every text once); the same for the retail starter
 * on retail texts; each starter's accuracy on its real-text development set (test/classifier/devset);
 * and the 5-fold cross-validation on the COCC corpus when it is present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { words } from '../src/lib/segment.js';
import { evaluateModel, summaryLine } from '../src/modules/classifier/evaluate.js';
import { predict } from '../src/modules/classifier/model.js';
import { type StarterName, starterModel, tidyCorpus } from '../src/modules/classifier/starter-models.js';
import { parseTsv } from '../src/modules/classifier/tsv.js';
import { COCC_FILE, runCrossValidation } from './classify-cv.js';
import type { BenchModule } from './lib/context.js';

const TEXTS = 3000;

/** Corpus texts, each made distinct with a waybill number and an amount, as real complaints are. */
function benchTexts(starter: StarterName): string[] {
  const corpus = tidyCorpus(starter).map((s) => s.text);
  return Array.from(
    { length: TEXTS },
    (_, i) =>
      `${corpus[i % corpus.length]} 单号SF${String(1_000_000_000 + i * 7919)}，金额${(i % 500) + 20}元`,
  );
}

function microsecondsPer(texts: string[], fn: (text: string) => unknown): number {
  for (const text of texts.slice(0, 300)) fn(text);
  const started = process.hrtime.bigint();
  for (const text of texts) fn(text);
  return Number(process.hrtime.bigint() - started) / 1000 / texts.length;
}

/** A starter model on its development set: `accuracy: … macro-f1: … n: …` (a label matches its ancestors). */
function devsetLine(starter: StarterName): string {
  const file = `test/classifier/devset/${starter}-jd21.tsv`;
  const rows = parseTsv(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'));
  return `classify dev ${starter} (${file}): ${summaryLine(evaluateModel(starterModel(starter), rows))}`;
}

export const classifyBench: BenchModule = {
  name: 'classify',
  async run(ctx) {
    const texts = benchTexts('express');
    const model = starterModel('express');
    const ceiling = microsecondsPer(texts, words);
    const perComplaint = microsecondsPer(texts, (text) => predict(model, text));
    const retail = starterModel('retail');
    const retailPerComplaint = microsecondsPer(benchTexts('retail'), (text) => predict(retail, text));
    const summary = [
      `classify: ${perComplaint.toFixed(0)} µs`,
      `classify/ceiling: ${(perComplaint / ceiling).toFixed(2)} (express model over ${TEXTS} texts; segmentation alone ${ceiling.toFixed(0)} µs)`,
      `classify retail: ${retailPerComplaint.toFixed(0)} µs`,
      devsetLine('express'),
      devsetLine('retail'),
    ];
    let cv: string | null = null;
    if (existsSync(COCC_FILE)) {
      ctx.log('classify: 5-fold cross-validation on the COCC corpus');
      cv = runCrossValidation(COCC_FILE, (line) => ctx.log(line));
      summary.push(cv);
    } else summary.push(`classify cv: skipped (${COCC_FILE} not found)`);
    return {
      ok: true,
      summary,
      section: {
        texts: TEXTS,
        microsecondsPerComplaint: perComplaint,
        retailMicrosecondsPerComplaint: retailPerComplaint,
        ceilingMicroseconds: ceiling,
        cv,
      },
    };
  },
};
