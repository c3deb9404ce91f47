import type { Tx } from '../../db/database.js';
import { CHANNEL_LABELS } from '../spreadsheets/vocabulary.js';
import type { ScopeKind } from './rules.js';

/**
 * What a warning is about, named in each language for its notice (`内件短少` / `Items missing`,
 * `微信` / `WeChat`); the label as it is where it is a name or a number in both (a customer, a
 * waybill, a person, a complaint number, a region, a topic).
 */
export async function scopeNames(
  tx: Tx,
  scope: { kind: ScopeKind; key: string; label: string },
): Promise<{ zh: string; en: string }> {
  const same = { zh: scope.label, en: scope.label };
  const id = Number(scope.key);
  if (scope.kind === 'category') {
    const c = await tx
      .selectFrom('categories')
      .select(['name_zh', 'name_en'])
      .where('id', '=', id)
      .executeTakeFirst();
    return c ? { zh: c.name_zh, en: c.name_en || c.name_zh } : same;
  }
  if (scope.kind === 'unit') {
    const u = await tx
      .selectFrom('units')
      .select(['name', 'name_en'])
      .where('id', '=', id)
      .executeTakeFirst();
    return u ? { zh: u.name, en: u.name_en || u.name } : same;
  }
  if (scope.kind === 'channel') {
    const names = CHANNEL_LABELS[scope.key as keyof typeof CHANNEL_LABELS];
    return names ? { zh: names[0], en: names[1] } : same;
  }
  return same;
}
