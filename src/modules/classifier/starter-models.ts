import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { flattenPreset, presets } from '../categories/index.js';
import type { CategoryIndex } from './categories.js';
import { generateExpressCorpus, generateRetailCorpus } from './corpus/generate/index.js';
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

/** The starter models: always available, each trained from a corpus shipped in the repository for its preset tree. */
export const STARTER_MODELS = ['express', 'retail'] as const;
export type StarterName = (typeof STARTER_MODELS)[number];
export const EXPRESS_MODEL: StarterName = 'express';

export const isStarter = (name: string): name is StarterName =>
  (STARTER_MODELS as readonly string[]).includes(name);

/** The generated colloquial corpus of a starter (each is named after the category preset it classifies into). */
export const generatedCorpus = (name: StarterName): Sample[] =>
  name === 'retail' ? generateRetailCorpus() : generateExpressCorpus();

/** The tidy hand-written corpus of a starter (express's is also the demo history's complaint texts). */
export const tidyCorpus = (name: StarterName): Sample[] =>
  parseTsv(readFileSync(fileURLToPath(new URL(`./corpus/${name}.tsv`, import.meta.url)), 'utf8'));
export const expressCorpus = () => tidyCorpus('express');

/** What a starter model learns from: the tidy corpus and the generated colloquial one (ADR 0040). */
export const starterCorpus = (name: StarterName): Sample[] => [...tidyCorpus(name), ...generatedCorpus(name)];

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

function cachedOrTrained(name: StarterName): ClassifierModel {
  const samples = starterCorpus(name);
  const key = createHash('sha256')
    .update(
      JSON.stringify({ samples, options: STARTER_OPTIONS, calibrateOn: String(STARTER_OPTIONS.calibrateOn) }),
    )
    .update(trainingCode())
    .digest('hex')
    .slice(0, 24);
  const file = path.join(CACHE_DIR, `${name}-${key}.json`);
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

const loaded = new Map<StarterName, LoadedModel>();
export function starterModel(name: StarterName): LoadedModel {
  let model = loaded.get(name);
  if (!model) {
    model = loadModel(cachedOrTrained(name));
    loaded.set(name, model);
  }
  return model;
}
export const expressModel = () => starterModel('express');

/** The codes of a starter's preset tree (read when asked: the category module may still be loading when this one is). */
const presetCodes = (name: StarterName) => {
  const preset = presets[name];
  return preset ? flattenPreset(preset).map((n) => n.code) : [];
};
const fitting = new WeakMap<CategoryIndex, StarterName>();

/**
 * The starter model that fits an organisation's category tree: the one whose preset's codes it has
 * the largest share of (express on a tie, e.g. before any tree is loaded or with both loaded).
 */
export function fittingStarter(categories: CategoryIndex): StarterName {
  let best = fitting.get(categories);
  if (best) return best;
  best = EXPRESS_MODEL;
  let most = 0;
  for (const name of STARTER_MODELS) {
    const codes = presetCodes(name);
    const share = codes.filter((code) => categories.resolve(code)?.code === code).length / codes.length;
    if (share > most) [best, most] = [name, share];
  }
  fitting.set(categories, best);
  return best;
}
