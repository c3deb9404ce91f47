import type { Tx } from '../../db/database.js';
import type { WriteBatch } from '../../db/write-batch.js';
import { categoryById } from '../categories/index.js';
import { definitions } from './definitions.js';
import { matchingPlaybooks } from './matching.js';

/** What the complaint's history records of the playbooks attached. */
export interface AttachedPlaybook {
  id: number;
  name: string;
  steps: number;
}

interface ComplaintTriggers {
  id: number;
  category_id: number;
  /** JSON array, as stored. */
  major_reasons: string;
}

/**
 * Attach the playbooks that apply to the complaint as its checklist, copying their steps, inside the
 * caller's transaction; the caller records the answer in its history event. A playbook attached before
 * is not attached again. Nothing is read or written beyond the cached definitions when none applies.
 * `registering`: the complaint is being registered (none attached before); its steps go with that batch.
 */
export async function attachPlaybooks(
  tx: Tx,
  complaint: ComplaintTriggers,
  now: number,
  options: { registering?: WriteBatch } = {},
): Promise<AttachedPlaybook[]> {
  const { playbooks } = await definitions(tx);
  if (playbooks.length === 0) return [];
  const category = await categoryById(tx, complaint.category_id);
  let matched = matchingPlaybooks(playbooks, {
    categoryPath: category?.path ?? null,
    majorReasons: JSON.parse(complaint.major_reasons) as string[],
  });
  if (matched.length === 0) return [];
  if (!options.registering) {
    const attached = await tx
      .selectFrom('complaint_checklist_steps')
      .select('playbook_id')
      .distinct()
      .where('complaint_id', '=', complaint.id)
      .execute();
    const before = new Set(attached.map((a) => a.playbook_id));
    matched = matched.filter((p) => !before.has(p.id));
    if (matched.length === 0) return [];
  }
  const insert = tx.insertInto('complaint_checklist_steps').values(
    matched.flatMap((p) =>
      p.steps.map((s, position) => ({
        complaint_id: complaint.id,
        playbook_id: p.id,
        playbook_name_zh: p.nameZh,
        playbook_name_en: p.nameEn,
        position,
        text_zh: s.textZh,
        text_en: s.textEn,
        required: s.required ? (1 as const) : (0 as const),
        documents: JSON.stringify(s.documents),
        attached_at: now,
      })),
    ),
  );
  if (options.registering) options.registering.add(insert.compile());
  else await insert.execute();
  return matched.map((p) => ({ id: p.id, name: p.nameZh, steps: p.steps.length }));
}
