import type { Db, Tx } from '../../db/database.js';
import { appendEvent } from '../audit/index.js';
import { type ClassifierModel, type LoadedModel, loadModel } from './model.js';
import { isStarter, starterModel } from './starter-models.js';

/** `file`: labels as written in the file; `complaints` and the starter models: category codes. */
export type ModelKind = 'file' | 'complaints' | 'starter';

export interface NamedModel {
  name: string;
  kind: ModelKind;
  loaded: LoadedModel;
}

/** Parsed models by name, with the training time they were read at: a retrain (here or in another process) replaces them. */
const cache = new Map<string, { trainedAt: number; model: NamedModel }>();

export async function modelExists(db: Db | Tx, name: string): Promise<boolean> {
  if (isStarter(name)) return true;
  return !!(await db
    .selectFrom('classifier_models')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirst());
}

/** The named model, or null when there is none. `express` and `retail` are the shipped starter models. */
export async function findModel(db: Db | Tx, name: string): Promise<NamedModel | null> {
  if (isStarter(name)) return { name, kind: 'starter', loaded: starterModel(name) };
  const head = await db
    .selectFrom('classifier_models')
    .select(['trained_at', 'kind'])
    .where('name', '=', name)
    .executeTakeFirst();
  if (!head) return null;
  const cached = cache.get(name);
  if (cached && cached.trainedAt === head.trained_at) return cached.model;
  const row = await db
    .selectFrom('classifier_models')
    .select(['model', 'trained_at', 'kind'])
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  const model: NamedModel = {
    name,
    kind: row.kind as ModelKind,
    loaded: loadModel(JSON.parse(row.model) as ClassifierModel),
  };
  cache.set(name, { trainedAt: row.trained_at, model });
  return model;
}

export interface StoredModel {
  name: string;
  kind: Exclude<ModelKind, 'starter'>;
  model: ClassifierModel;
  sampleCount: number;
  metrics: Record<string, unknown>;
  trainedBy: number | null;
  trainedAt: number;
}

/** Insert or replace the named model, with its event on the settings stream. */
export async function saveModel(db: Db, m: StoredModel): Promise<void> {
  const values = {
    kind: m.kind,
    model: JSON.stringify(m.model),
    trained_at: m.trainedAt,
    sample_count: m.sampleCount,
    metrics: JSON.stringify(m.metrics),
    trained_by: m.trainedBy,
  };
  await db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('classifier_models')
      .set(values)
      .where('name', '=', m.name)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      await tx
        .insertInto('classifier_models')
        .values({ name: m.name, ...values })
        .execute();
    await appendEvent(tx, {
      streamType: 'settings',
      streamId: 0,
      actorId: m.trainedBy,
      at: m.trainedAt,
      kind: 'classifier_trained',
      data: { model: m.name, kind: m.kind, samples: m.sampleCount, ...m.metrics },
    });
  });
  cache.delete(m.name);
}
