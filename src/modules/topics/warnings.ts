/**
 * Which hot topics should raise an early warning (预警): a topic that is new (first seen within the
 * last NEW_DAYS days) and grows fast — at least MIN_SIZE complaints in the current period and at
 * least twice as many as in the period before. Pure: the warnings module turns the candidates into
 * warning records (one open warning per scope and kind).
 */

export const WARN_RULES = { minSize: 5, minGrowth: 1, newDays: 3 } as const;

export interface TopicFigures {
  topicId: number;
  words: string[];
  /** Complaints in the current period (the last 7 days). */
  size: number;
  /** Complaints in the 7 days before. */
  previous: number;
  /** Days since the topic was first seen. */
  ageDays: number;
  /** The handling unit with most of the topic's complaints. */
  unitId: number | null;
  /** The topic's complaints of the current period, newest first. */
  complaintIds: number[];
}

export interface TopicWarningCandidate {
  kind: 'topic';
  scope: { kind: 'topic'; key: string };
  figures: { size: number; previous: number; growth: number | null; words: string[] };
  complaintIds: number[];
  unitId: number | null;
}

/** (size − previous) / previous; null when there was none before. */
export const growthOf = (size: number, previous: number) =>
  previous > 0 ? (size - previous) / previous : null;

export function topicWarnings(
  topics: readonly TopicFigures[],
  rules: { minSize: number; minGrowth: number; newDays: number } = WARN_RULES,
): TopicWarningCandidate[] {
  return topics
    .filter((t) => {
      const growth = growthOf(t.size, t.previous);
      return (
        t.ageDays <= rules.newDays &&
        t.size >= rules.minSize &&
        (growth === null || growth >= rules.minGrowth)
      );
    })
    .map((t) => ({
      kind: 'topic',
      scope: { kind: 'topic', key: String(t.topicId) },
      figures: { size: t.size, previous: t.previous, growth: growthOf(t.size, t.previous), words: t.words },
      complaintIds: t.complaintIds,
      unitId: t.unitId,
    }));
}
