/**
 * Stage durations are kept as histograms with fixed buckets: bucket b holds durations of m minutes
 * with floor(4·log2(1 + m)) = b, so a bucket is 2^(1/4) ≈ 1.19 times as wide as the one below it.
 * A percentile read from the histogram is the geometric middle of its bucket: within ±9.1 % of the
 * true value (and within a minute below ten minutes). Durations past the last bucket (≈ 3 years) land in it.
 */
export const LAST_BUCKET = 90;
const MINUTE = 60_000;

export function bucketOf(durationMs: number): number {
  const minutes = Math.max(0, durationMs) / MINUTE;
  return Math.min(LAST_BUCKET, Math.floor(4 * Math.log2(1 + minutes)));
}

/** The bucket's range in ms: [low, high). */
export function bucketRange(bucket: number): [number, number] {
  return [(2 ** (bucket / 4) - 1) * MINUTE, (2 ** ((bucket + 1) / 4) - 1) * MINUTE];
}

/** The value a percentile falling in the bucket is reported as: the geometric middle (arithmetic for the first). */
export function bucketValue(bucket: number): number {
  const [low, high] = bucketRange(bucket);
  return Math.round(low === 0 ? high / 2 : Math.sqrt(low * high));
}

/** The p-th percentile (nearest rank) of a histogram { bucket → count }; null when it is empty. */
export function histogramPercentile(counts: ReadonlyMap<number, number>, p: number): number | null {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const bucket of [...counts.keys()].sort((a, b) => a - b)) {
    seen += counts.get(bucket) ?? 0;
    if (seen >= rank) return bucketValue(bucket);
  }
  return null;
}
