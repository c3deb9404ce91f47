import type { ActorContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import { readSetting, writeSetting } from '../settings/index.js';
import { checkRules, DEFAULT_RULES, rulesFrom, type ScoringRules } from './rules.js';

const KEY = 'assessment.rules';

export const readRules = async (db: Db | Tx) =>
  rulesFrom(await readSetting<Partial<ScoringRules>>(db, KEY, DEFAULT_RULES));

/** Admin only (writeSetting checks), recorded on the settings stream; the next sheets use them. */
export function saveRules(ctx: ActorContext, rules: ScoringRules): Promise<ScoringRules> {
  checkRules(rules);
  return writeSetting(ctx, KEY, rules, DEFAULT_RULES);
}
