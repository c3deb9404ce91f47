/**
 * Topics from one day to the next: a group found today keeps the id of yesterday's topic whose
 * centroid is nearest (cosine ≥ SAME_TOPIC, each old topic to one new group at most, best pairs first),
 * so a topic's history and growth follow it; a group with no such topic is new.
 */
import { dot, type Vector } from './vectors.js';

/** Cosine between centroids for two days' groups to be the same topic. */
export const SAME_TOPIC = 0.5;

export interface KnownTopic {
  id: number;
  centroid: Vector;
}

/** For each group (by index), the id of the known topic it continues, or null when it is new. */
export function matchTopics(
  groups: readonly { centroid: Vector }[],
  known: readonly KnownTopic[],
): (number | null)[] {
  const pairs: Array<{ g: number; id: number; cos: number }> = [];
  groups.forEach((group, g) => {
    for (const t of known) {
      const cos = dot(group.centroid, t.centroid);
      if (cos >= SAME_TOPIC) pairs.push({ g, id: t.id, cos });
    }
  });
  pairs.sort((a, b) => b.cos - a.cos);
  const matched: (number | null)[] = groups.map(() => null);
  const taken = new Set<number>();
  for (const p of pairs) {
    if (matched[p.g] !== null || taken.has(p.id)) continue;
    matched[p.g] = p.id;
    taken.add(p.id);
  }
  return matched;
}
