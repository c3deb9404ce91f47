import type { ActorContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import { badRequest } from '../../lib/errors.js';
import { readSetting, writeSetting } from '../settings/index.js';
import { requireClassifierAdmin } from './access.js';
import { EXPRESS_MODEL } from './express-model.js';
import type { ClassificationSettings } from './schemas.js';
import { modelExists } from './store.js';

const KEY = 'classification';

export const DEFAULT_CLASSIFICATION: ClassificationSettings = {
  enabled: true,
  model: EXPRESS_MODEL,
  autoApplyAt: 0.85,
};

export const readClassificationSettings = (db: Db | Tx) =>
  readSetting<ClassificationSettings>(db, KEY, DEFAULT_CLASSIFICATION);

/** An unknown model would silently predict nothing, so it is refused. */
export async function saveClassificationSettings(
  ctx: ActorContext,
  input: ClassificationSettings,
): Promise<ClassificationSettings> {
  requireClassifierAdmin(ctx.actor);
  if (!(await modelExists(ctx.db, input.model)))
    throw badRequest('validation_failed', [{ path: '/model', code: 'unknown_model' }]);
  return writeSetting(ctx, KEY, input, DEFAULT_CLASSIFICATION);
}
