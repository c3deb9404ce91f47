import type { PlaybookDefinition } from './definitions.js';

/** What a playbook is matched against: the complaint's category path (`/1/5/`) and its major reasons. */
export interface Trigger {
  categoryPath: string | null;
  majorReasons: readonly string[];
}

/**
 * A playbook applies when each trigger it names holds: the complaint's category is in its category's
 * subtree, and the complaint is major for its reason.
 */
export const applies = (p: Pick<PlaybookDefinition, 'categoryId' | 'majorReason'>, t: Trigger): boolean =>
  (p.categoryId === null || (t.categoryPath?.includes(`/${p.categoryId}/`) ?? false)) &&
  (p.majorReason === null || t.majorReasons.includes(p.majorReason));

export const matchingPlaybooks = <P extends PlaybookDefinition>(playbooks: readonly P[], t: Trigger): P[] =>
  playbooks.filter((p) => applies(p, t));

/** The ids on a category path, nearest first: guidance is taken from the closest category that has some. */
export const idsNearestFirst = (path: string): number[] =>
  path.split('/').filter(Boolean).map(Number).reverse();
