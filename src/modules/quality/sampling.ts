/**
 * mulberry32: a small seeded generator (no dependency of ours provides one). The same seed gives the
 * same sequence on every machine, which is what makes a recorded draw reproducible.
 */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many of `available` a random draw takes: n, or a percentage rounded up. */
export const sampleSize = (available: number, draw: { perHandler?: number; percent?: number }) =>
  Math.min(available, draw.perHandler ?? Math.ceil(((draw.percent ?? 0) * available) / 100));

/**
 * Picks `size` of the candidates (given in id order) for one handler: a partial Fisher–Yates shuffle
 * seeded by the draw's seed and the handler, so a handler's sample does not depend on who else was drawn.
 * Returns the picks in id order.
 */
export function pickSample(
  candidates: readonly number[],
  size: number,
  seed: number,
  handlerId: number,
): number[] {
  const pool = [...candidates];
  const random = generator(Math.imul(seed ^ 0x9e3779b9, 31) ^ handlerId);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as number, pool[i] as number];
  }
  return pool.slice(0, size).sort((x, y) => x - y);
}
