import type { Grade } from '../../domain/complaint-model.js';
import type { DelayRule, ReturnVisitSettings } from './schemas.js';

export const DEFAULT_RETURN_VISIT_SETTINGS: ReturnVisitSettings = {
  majorDays: 30,
  generalDays: 45,
  sharePercent: 100,
  maxAttempts: 3,
  retryAfterDays: 2,
  rules: [],
};

/** What the selection reads of a closed complaint. */
export interface ClosedComplaint {
  id: number;
  grade: Grade;
  /** The category's path of ids, `/3/17/42/`. */
  categoryPath: string;
  /** Status when it is archived: resolved, invalid (still answered), merged or withdrawn. */
  status: string;
  /** Times the customer was not satisfied (or came back) and it was reopened. */
  reopenCount: number;
}

/** A merged complaint is visited through the one it was merged into; a withdrawn one not at all. */
const NOT_VISITED = new Set(['merged', 'withdrawn']);

/** The rule that applies: the deepest category (null counts as the root), then a named grade over either. */
function ruleFor(rules: DelayRule[], c: ClosedComplaint): DelayRule | null {
  const ids = c.categoryPath.split('/').filter(Boolean).map(Number);
  let best: DelayRule | null = null;
  let bestRank = -1;
  for (const rule of rules) {
    if (rule.grade !== null && rule.grade !== c.grade) continue;
    const depth = rule.categoryId === null ? 0 : ids.indexOf(rule.categoryId) + 1;
    if (rule.categoryId !== null && depth === 0) continue;
    const rank = depth * 2 + (rule.grade === null ? 0 : 1);
    if (rank > bestRank) [best, bestRank] = [rule, rank];
  }
  return best;
}

/** A stable share of ids in 0..99 (Knuth's multiplicative hash), so that the sample is reproducible. */
const bucket = (id: number) => Number((BigInt(id) * 2654435761n) % 4294967296n) % 100;

/**
 * The days after closing a complaint's return visit falls due, or null for none. Major complaints and
 * reopened ones (the customer was not satisfied) are always called back; of the rest a share is sampled.
 * A rule for the category (subtree) and grade sets the delay or says never.
 */
export function visitDelay(settings: ReturnVisitSettings, c: ClosedComplaint): number | null {
  if (NOT_VISITED.has(c.status)) return null;
  const rule = ruleFor(settings.rules, c);
  if (rule?.never) return null;
  const always = c.grade === 'major' || c.reopenCount > 0;
  if (!always && bucket(c.id) >= settings.sharePercent) return null;
  return rule ? rule.days : c.grade === 'major' ? settings.majorDays : settings.generalDays;
}

/** The calendar day `days` after `day` (both 'YYYY-MM-DD'). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
