/**
 * Prediction intervals of a negative-binomial count with mean μ and over-dispersion α: quantiles of
 * the distribution itself (summed from its probabilities), or of the normal with the same mean and
 * variance μ + α·μ² when μ is large. The caller adds the coefficients' own uncertainty to α (model.ts).
 */

const NORMAL_ABOVE = 400;
/** z of the two-sided 80 % and 95 % intervals. */
const Z = { 0.1: 1.2815515655446004, 0.025: 1.959963984540054 } as const;

export interface Interval {
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

const LEVELS = [0.025, 0.1, 0.9, 0.975] as const;

function normalQuantiles(mu: number, alpha: number): Interval {
  const sd = Math.sqrt(mu + alpha * mu * mu);
  const at = (z: number) => Math.max(0, Math.round(mu + z * sd));
  return { lo95: at(-Z[0.025]), lo80: at(-Z[0.1]), hi80: at(Z[0.1]), hi95: at(Z[0.025]) };
}

/** The 2.5 %, 10 %, 90 % and 97.5 % quantiles of NB(μ, α) (Poisson when α = 0). */
export function countInterval(mu: number, alpha: number): Interval {
  if (!(mu > 0)) return { lo80: 0, hi80: 0, lo95: 0, hi95: 0 };
  if (mu > NORMAL_ABOVE) return normalQuantiles(mu, alpha);
  // pmf(k+1) = pmf(k) · (k + r)/(k + 1) · q, with r = 1/α, q = μ/(μ + r); Poisson as α → 0.
  const poissonLike = alpha < 1e-9;
  const r = poissonLike ? 0 : 1 / alpha;
  const q = poissonLike ? 0 : mu / (mu + r);
  let pmf = poissonLike ? Math.exp(-mu) : (r / (r + mu)) ** r;
  let cdf = pmf;
  const found: number[] = [];
  let k = 0;
  for (const level of LEVELS) {
    while (cdf < level && k < 100_000) {
      pmf *= poissonLike ? mu / (k + 1) : ((k + r) / (k + 1)) * q;
      k++;
      cdf += pmf;
    }
    found.push(k);
  }
  const [lo95 = 0, lo80 = 0, hi80 = 0, hi95 = 0] = found;
  return { lo95, lo80, hi80, hi95 };
}
