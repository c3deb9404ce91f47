import type { ActorContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import { badRequest } from '../../lib/errors.js';
import { readSetting, writeSetting } from '../settings/index.js';
import { requireClassifierAdmin } from './access.js';
import { CategoryIndex } from './categories.js';
import type { ClassificationSettings } from './schemas.js';
import { fittingStarter, isStarter, starterModel } from './starter-models.js';
import { modelExists } from './store.js';

const KEY = 'classification';

const DEFAULTS = { enabled: true, autoApplyAt: 0.85 };

/** Until an admin chooses, the starter model that fits the organisation's category tree suggests. */
async function defaults(db: Db | Tx): Promise<ClassificationSettings> {
  return { ...DEFAULTS, model: fittingStarter(await CategoryIndex.load(db)) };
}

export async function readClassificationSettings(db: Db | Tx): Promise<ClassificationSettings> {
  return (await readSetting<ClassificationSettings | null>(db, KEY, null)) ?? defaults(db);
}

/** An unknown model would silently predict nothing, so it is refused. */
export async function saveClassificationSettings(
  ctx: ActorContext,
  input: ClassificationSettings,
): Promise<ClassificationSettings> {
  requireClassifierAdmin(ctx.actor);
  if (!(await modelExists(ctx.db, input.model)))
    throw badRequest('validation_failed', [{ path: '/model', code: 'unknown_model' }]);
  const saved = await writeSetting(ctx, KEY, input, await defaults(ctx.db));
  // A starter chosen for the first time trains here (once per installation), not in a registration.
  if (isStarter(saved.model)) starterModel(saved.model);
  return saved;
}

/** Read (or train, the first time: 10–40 s) the active starter model now, not in a customer's request. */
export async function warmActiveModel(db: Db): Promise<void> {
  const { model } = await readClassificationSettings(db);
  if (isStarter(model)) starterModel(model);
}
