import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateExpressCorpus } from './corpus/generate/index.js';
import {
  type ClassifierModel,
  type LoadedModel,
  loadModel,
  type Sample,
  TRAIN_DEFAULTS,
  type TrainOptions,
  trainModel,
} from './model.js';
import { parseTsv } from './tsv.js';

/** The starter model's name: always available, trained from the corpus shipped in the repository. */
export const EXPRESS_MODEL = 'express';

const CORPUS = fileURLToPath(new URL('./corpus/express.tsv', import.meta.url));

/** The tidy hand-written corpus (also the demo history's complaint texts). */
export const expressCorpus = (): Sample[] => parseTsv(readFileSync(CORPUS, 'utf8'));

/** What the starter model learns from: the tidy corpus and the generated colloquial one (ADR 0040). */
export const starterCorpus = (): Sample[] => [...expressCorpus(), ...generateExpressCorpus()];

/** Confidences are calibrated on held-out hand-written rows only (those with a priority). */
export const STARTER_OPTIONS: TrainOptions = { ...TRAIN_DEFAULTS, calibrateOn: (s) => !!s.priority };

/**
 * Trained from the corpus, never stored in the repository (the corpus and its generator are the
 * single source). Training takes seconds, so the result is kept in a file named by a hash of the
 * training rows and options: each later process (and each test worker) reads it instead.
 */
const CACHE_DIR = path.join(tmpdir(), 'kesu-classifier');

/** The code that turns rows into a model: a change to it must not reuse an older cached model. */
const TRAINING_CODE = ['features', 'lexicon', 'vectorizer', 'linear-svm', 'calibrate', 'model'];

function trainingCode(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return TRAINING_CODE.map((name) => {
    const file = [`${name}.ts`, `${name}.js`].map((f) => path.join(here, f)).find((f) => existsSync(f));
    return file ? readFileSync(file, 'utf8') : name;
  }).join('\n');
}

function cachedOrTrained(): ClassifierModel {
  const samples = starterCorpus();
  const key = createHash('sha256')
    .update(
      JSON.stringify({ samples, options: STARTER_OPTIONS, calibrateOn: String(STARTER_OPTIONS.calibrateOn) }),
    )
    .update(trainingCode())
    .digest('hex')
    .slice(0, 24);
  const file = path.join(CACHE_DIR, `express-${key}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ClassifierModel;
  } catch {
    const model = trainModel(samples, STARTER_OPTIONS);
    try {
      mkdirSync(CACHE_DIR, { recursive: true });
      const partial = `${file}.${process.pid}`;
      writeFileSync(partial, JSON.stringify(model));
      renameSync(partial, file);
    } catch {
      // A read-only temp directory only costs the next process a retraining.
    }
    return model;
  }
}

let express: LoadedModel | null = null;
export function expressModel(): LoadedModel {
  express ??= loadModel(cachedOrTrained());
  return express;
}
