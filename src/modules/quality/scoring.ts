/** A checklist item as stored on the check (the foundation's items JSON). */
export interface StoredItem {
  key: string;
  labelZh: string;
  labelEn: string;
  weight: number;
  score: number | null;
  note: string;
}

/** 0–100 by weight, one decimal; null while an item is unscored. */
export function weightedScore(items: readonly Pick<StoredItem, 'weight' | 'score'>[]): number | null {
  let total = 0;
  let earned = 0;
  for (const item of items) {
    if (item.score === null) return null;
    total += item.weight;
    earned += item.weight * item.score;
  }
  return total > 0 ? Math.round((1000 * earned) / total) / 10 : null;
}
