import type { Tx } from '../../db/database.js';
import { CHANNEL_LABELS } from '../spreadsheets/index.js';
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
  const named = (row?: { zh: string; en: string | null }) =>
    row ? { zh: row.zh, en: row.en || row.zh } : same;
  const id = Number(scope.key);
  if (scope.kind === 'category')
    return named(
      await tx
        .selectFrom('categories')
        .select(['name_zh as zh', 'name_en as en'])
        .where('id', '=', id)
        .executeTakeFirst(),
    );
  if (scope.kind === 'unit')
    return named(
      await tx
        .selectFrom('units')
        .select(['name as zh', 'name_en as en'])
        .where('id', '=', id)
        .executeTakeFirst(),
    );
  if (scope.kind === 'channel') {
    const names = CHANNEL_LABELS[scope.key as keyof typeof CHANNEL_LABELS];
    return names ? { zh: names[0], en: names[1] } : same;
  }
  return same;
}
