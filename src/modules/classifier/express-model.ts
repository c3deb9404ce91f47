import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ClassifierModel, type LoadedModel, loadModel, type Sample, trainModel } from './model.js';
import { parseTsv } from './tsv.js';

/** The starter model's name: always available, trained from the corpus shipped in the repository. */
export const EXPRESS_MODEL = 'express';

const CORPUS = fileURLToPath(new URL('./corpus/express.tsv', import.meta.url));

export const expressCorpus = (): Sample[] => parseTsv(readFileSync(CORPUS, 'utf8'));

/**
 * Trained at first use in each process (deterministic, well under a second) rather than stored:
 * the corpus in the repository is the single source, so editing it changes the model.
 */
let express: LoadedModel | null = null;
export function expressModel(): LoadedModel {
  express ??= loadModel(trainExpress());
  return express;
}

export const trainExpress = (): ClassifierModel => trainModel(expressCorpus());
