import { readFileSync } from 'node:fs';
import { Type } from 'typebox';
import type { ActorContext, AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { defineJob, enqueue } from '../jobs/index.js';
import { requireClassifierAdmin } from './access.js';
import { CategoryIndex } from './categories.js';
import { type Evaluation, evaluateModel } from './evaluate.js';
import { labelNames } from './label-names.js';
import { type Sample, stratifiedFolds, TRAIN_DEFAULTS, type TrainOptions, trainModel } from './model.js';
import { fittingStarter, isStarter, starterCorpus } from './starter-models.js';
import { findModel, saveModel } from './store.js';
import { parseTsv } from './tsv.js';

export interface TrainSummary {
  model: string;
  rows: number;
  labels: number;
  heads: string[];
  seconds: number;
}

const TRAINED_FROM_COMPLAINTS = ['closed', 'archived'];

function checkName(name: string): void {
  if (isStarter(name)) throw badRequest('model_name_reserved', [], { model: name });
}

async function trainAndSave(
  db: Db,
  {
    name,
    kind,
    samples,
    trainedBy,
    now,
    options = TRAIN_DEFAULTS,
  }: {
    name: string;
    kind: 'file' | 'complaints';
    samples: Sample[];
    trainedBy: number | null;
    now: number;
    options?: TrainOptions;
  },
): Promise<TrainSummary> {
  const labels = new Set(samples.map((s) => s.label)).size;
  if (labels < 2) throw badRequest('too_few_labels', [], { labels, rows: samples.length });
  const started = performance.now();
  const model = trainModel(samples, options);
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const heads = Object.keys(model.heads);
  await saveModel(db, {
    name,
    kind,
    model,
    sampleCount: samples.length,
    metrics: { labels, heads, seconds },
    trainedBy,
    trainedAt: now,
  });
  return { model: name, rows: samples.length, labels, heads, seconds };
}

/** `kesu classify train --from-file`: a header row, then `text<TAB>label` (priority, grade optional). */
export async function trainFromFile(app: AppContext, file: string, name: string): Promise<TrainSummary> {
  checkName(name);
  return trainAndSave(app.db, {
    name,
    kind: 'file',
    samples: parseTsv(readFileSync(file, 'utf8')),
    trainedBy: null,
    now: app.clock.now(),
  });
}

/**
 * The organisation's closed and archived complaints, labelled with their category's code, and every
 * complaint a handler corrected, labelled with the latest correction.
 */
export async function complaintSamples(db: Db): Promise<Sample[]> {
  const closed = await db
    .selectFrom('complaints')
    .innerJoin('categories', 'categories.id', 'complaints.category_id')
    .select(['complaints.id', 'title', 'content', 'priority', 'grade', 'categories.code'])
    .where('status', 'in', TRAINED_FROM_COMPLAINTS)
    .orderBy('complaints.id')
    .execute();
  const corrected = await db
    .selectFrom('classification_corrections as cc')
    .innerJoin('complaints', 'complaints.id', 'cc.complaint_id')
    .innerJoin('categories', 'categories.id', 'cc.corrected_category_id')
    .select(['complaints.id', 'title', 'content', 'priority', 'grade', 'categories.code'])
    .orderBy('cc.corrected_at')
    .orderBy('cc.id')
    .execute();
  const byComplaint = new Map<number, Sample>();
  const correctedIds = new Set(corrected.map((r) => r.id));
  // Later rows win: a correction outranks the category a complaint was closed with.
  for (const r of [...closed, ...corrected])
    byComplaint.set(r.id, {
      text: `${r.title}\n${r.content}`,
      label: r.code,
      priority: r.priority,
      grade: r.grade,
      weight: correctedIds.has(r.id) ? CORRECTION_WEIGHT : ORGANISATION_WEIGHT,
    });
  return [...byComplaint.values()];
}

/** An organisation's row counts twice a starter row; a handler's correction (the model was wrong) four times. */
export const ORGANISATION_WEIGHT = 2;
export const CORRECTION_WEIGHT = 4;
/** Starter rows joined to an organisation's own: this many, shrinking as its own rows grow (half at 1,000). */
export const STARTER_ROWS = 3000;
const STARTER_HALF_AT = 1000;

/**
 * The organisation's rows with part of the starter corpus (only rows of categories it has): the
 * starter fills in while its own history is small and fades as that grows (ADR 0040).
 */
export function withStarter(
  own: Sample[],
  starter: Sample[],
  hasLabel: (label: string) => boolean,
): Sample[] {
  const usable = starter.filter((s) => hasLabel(s.label));
  const keep = Math.round((STARTER_ROWS * STARTER_HALF_AT) / (STARTER_HALF_AT + own.length));
  if (usable.length === 0 || keep === 0) return own;
  // A stratified, seeded pick: every category keeps its share.
  const fold = stratifiedFolds(
    usable.map((s) => s.label),
    Math.max(1, Math.floor(usable.length / keep)),
    STARTER_SEED,
  );
  return [...own, ...usable.filter((_, i) => fold[i] === 0)];
}
const STARTER_SEED = 17;

export async function trainFromComplaints(
  app: AppContext,
  name: string,
  trainedBy: number | null = null,
): Promise<TrainSummary> {
  checkName(name);
  const categories = await CategoryIndex.load(app.db);
  const own = await complaintSamples(app.db);
  return trainAndSave(app.db, {
    name,
    kind: 'complaints',
    samples: withStarter(
      own,
      starterCorpus(fittingStarter(categories)),
      (label) => !!categories.resolve(label),
    ),
    // Confidences are calibrated on held-out rows written by people: the organisation's and the tidy starter rows.
    options: { ...TRAIN_DEFAULTS, calibrateOn: (s) => s.weight !== undefined || !!s.priority },
    trainedBy,
    now: app.clock.now(),
  });
}

/** `kesu classify eval`: a label matches the predicted category or any of its ancestors. */
export async function evaluateFile(app: AppContext, name: string, file: string): Promise<Evaluation> {
  const model = await findModel(app.db, name);
  if (!model) throw notFound('classifier_model_not_found', { model: name });
  const samples = parseTsv(readFileSync(file, 'utf8'));
  return evaluateModel(model.loaded, samples, await labelNames(app.db, model));
}

export const TRAIN_FROM_COMPLAINTS_JOB = 'classifier.train';

/** The training job queued by queueTraining: train `model` from the complaints' history. */
export const trainFromComplaintsJob = defineJob({
  kind: TRAIN_FROM_COMPLAINTS_JOB,
  payload: Type.Object({ model: Type.String(), by: Type.Union([Type.Integer(), Type.Null()]) }),
  handler: async (ctx, payload) => {
    await trainFromComplaints(ctx, payload.model, payload.by);
  },
  maxAttempts: 2,
  timeoutMs: 30 * 60_000,
});

/** POST /classification/train: queued, the worker trains (it may take a while on a large history). */
export async function queueTraining(ctx: ActorContext, name: string): Promise<{ queued: boolean }> {
  requireClassifierAdmin(ctx.actor);
  checkName(name);
  const job = await enqueue(
    ctx.db,
    trainFromComplaintsJob,
    { model: name, by: ctx.actor.userId },
    { now: ctx.clock.now(), key: `${TRAIN_FROM_COMPLAINTS_JOB}:${name}` },
  );
  return { queued: job !== null };
}
