import type { ActorContext } from '../../context.js';
import { requireClassifierAdmin } from './access.js';
import type { ModelListView } from './schemas.js';
import { readClassificationSettings } from './settings.js';
import { STARTER_MODELS } from './starter-models.js';
import type { ModelKind } from './store.js';

/** GET /classification/models: the starters first, then the trained models by name. */
export async function listModels(ctx: ActorContext): Promise<ModelListView> {
  requireClassifierAdmin(ctx.actor);
  const [{ model: active }, trained] = await Promise.all([
    readClassificationSettings(ctx.db),
    ctx.db
      .selectFrom('classifier_models')
      .select(['name', 'kind', 'trained_at', 'sample_count'])
      .orderBy('name')
      .execute(),
  ]);
  return {
    items: [
      ...STARTER_MODELS.map((name) => ({
        name,
        kind: 'starter' as const,
        trainedAt: null,
        sampleCount: null,
        active: name === active,
      })),
      ...trained.map((m) => ({
        name: m.name,
        kind: m.kind as Exclude<ModelKind, 'starter'>,
        trainedAt: new Date(Number(m.trained_at)).toISOString(),
        sampleCount: Number(m.sample_count),
        active: m.name === active,
      })),
    ],
  };
}
