import type { Db, Tx } from '../../db/database.js';
import { referenceCache } from '../../db/reference-cache.js';
import type { PlaybookStep } from './schemas.js';

/** An active playbook as registration matches it. */
export interface PlaybookDefinition {
  id: number;
  nameZh: string;
  nameEn: string;
  categoryId: number | null;
  majorReason: string | null;
  steps: PlaybookStep[];
}

export interface Definitions {
  playbooks: PlaybookDefinition[];
  /** First-response guidance by category code. */
  guidance: Map<string, { textZh: string; textEn: string }>;
}

/** The active playbooks and the guidance, read by every registration; the admin commands invalidate it. */
export const definitionsCache = referenceCache(async (db, _all: 'all'): Promise<Definitions> => {
  const playbooks = await db
    .selectFrom('playbooks')
    .select(['id', 'name_zh', 'name_en', 'category_id', 'major_reason', 'steps'])
    .where('active', '=', 1)
    .orderBy('id')
    .execute();
  const guidance = await db
    .selectFrom('category_guidance')
    .select(['category_code', 'text_zh', 'text_en'])
    .execute();
  return {
    playbooks: playbooks.map((p) => ({
      id: p.id,
      nameZh: p.name_zh,
      nameEn: p.name_en,
      categoryId: p.category_id,
      majorReason: p.major_reason,
      steps: JSON.parse(p.steps) as PlaybookStep[],
    })),
    guidance: new Map(guidance.map((g) => [g.category_code, { textZh: g.text_zh, textEn: g.text_en }])),
  };
});

export const definitions = (db: Db | Tx) => definitionsCache.get(db, 'all');
