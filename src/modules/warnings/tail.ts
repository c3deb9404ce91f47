/**
 * Tail probabilities of counts: how surprising `x` or more complaints are when `mean` were expected.
 * Negative binomial (gamma–Poisson) with a size parameter for extra-Poisson variation
 * (variance = mean + mean² / size); an infinite size is the Poisson.
 */

/** Enough terms for any tail that matters here (a heavy tail is cut, not summed forever). */
const MAX_TERMS = 20_000;

function logGamma(z: number): number {
  // Lanczos approximation (g = 7, n = 9), accurate to ~1e-15 for z > 0.
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const x = z - 1;
  let a = c[0] ?? 1;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += (c[i] ?? 0) / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** log P(X = k) for X ~ NB(mean, size), or Poisson when size is not finite. */
export function logPmf(k: number, mean: number, size: number): number {
  if (!Number.isFinite(size)) return k * Math.log(mean) - mean - logGamma(k + 1);
  const p = size / (size + mean);
  return logGamma(k + size) - logGamma(size) - logGamma(k + 1) + size * Math.log(p) + k * Math.log(1 - p);
}

/** P(X ≥ x), summed upwards from x (exact for small tails, where 1 − CDF would lose the digits). */
export function upperTail(x: number, mean: number, size: number): number {
  if (x <= 0) return 1;
  if (!(mean > 0)) return 0;
  let total = 0;
  // Past the mode the terms fall; stop once they no longer count (or underflow), and after a bound.
  for (let k = x; k < x + MAX_TERMS; k++) {
    const term = Math.exp(logPmf(k, mean, size));
    total += term;
    if (k > mean && (term < total * 1e-12 || term < 1e-300)) break;
  }
  return Math.min(1, total);
}

/** The smallest count whose upper tail is at most q (by doubling, then bisection). */
export function upperQuantile(mean: number, size: number, q: number): number {
  let lo = Math.max(0, Math.floor(mean));
  if (upperTail(lo + 1, mean, size) <= q) return lo;
  let hi = Math.max(1, lo * 2);
  while (upperTail(hi + 1, mean, size) > q && hi < 1e9) hi *= 2;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (upperTail(mid + 1, mean, size) > q) lo = mid;
    else hi = mid;
  }
  return hi;
}
