/**
 * A negative-binomial log-linear regression fitted by iteratively reweighted least squares (IRLS):
 * log E[y] = x·β, Var[y] = μ + α·μ². α (over-dispersion) is estimated from the Pearson residuals
 * between fits. A small ridge penalty on every coefficient but the intercept keeps a feature the
 * training days never show (a festival not yet seen) at zero instead of making the system singular.
 */
import { solveSpd } from './linear-solve.js';

export interface NbFit {
  beta: number[];
  /** Over-dispersion α ≥ 0 (0: Poisson). */
  alpha: number;
  /**
   * X'WX + the ridge at the fit: its inverse is the covariance of β (the ridge read as a prior of
   * variance 1 on each coefficient), so a feature the history has not shown stays uncertain.
   */
  information: number[][];
}

const RIDGE = 1;
const ITERATIONS = 25;
const MAX_ETA = 20;

const dot = (x: readonly number[], beta: readonly number[]) => {
  let s = 0;
  for (let j = 0; j < x.length; j++) s += (x[j] as number) * (beta[j] as number);
  return Math.min(MAX_ETA, s);
};

export const predictMean = (x: readonly number[], beta: readonly number[]) => Math.exp(dot(x, beta));

function irls(
  rows: readonly number[][],
  y: readonly number[],
  alpha: number,
  start: number[],
): { beta: number[]; information: number[][] } {
  const p = start.length;
  let beta = start;
  let information: number[][] = [];
  for (let iter = 0; iter < ITERATIONS; iter++) {
    const a = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    const b = new Array<number>(p).fill(0);
    rows.forEach((x, i) => {
      const eta = dot(x, beta);
      const mu = Math.max(Math.exp(eta), 1e-6);
      const w = mu / (1 + alpha * mu);
      const z = eta + ((y[i] as number) - mu) / mu;
      for (let j = 0; j < p; j++) {
        const xj = x[j] as number;
        if (xj === 0) continue;
        const aj = a[j] as number[];
        b[j] = (b[j] as number) + w * xj * z;
        for (let k = 0; k < p; k++) aj[k] = (aj[k] as number) + w * xj * (x[k] as number);
      }
    });
    for (let j = 1; j < p; j++) (a[j] as number[])[j] = ((a[j] as number[])[j] as number) + RIDGE;
    information = a;
    const next = solveSpd(a, b);
    if (!next) return { beta, information };
    const moved = Math.max(...next.map((v, j) => Math.abs(v - (beta[j] as number))));
    beta = next;
    if (moved < 1e-7) break;
  }
  return { beta, information };
}

/** α from the Pearson residuals: Σ((y − μ)² − μ) / Σμ², not below 0. */
function dispersion(rows: readonly number[][], y: readonly number[], beta: readonly number[]): number {
  let num = 0;
  let den = 0;
  rows.forEach((x, i) => {
    const mu = predictMean(x, beta);
    num += ((y[i] as number) - mu) ** 2 - mu;
    den += mu * mu;
  });
  return den > 0 ? Math.max(0, num / den) : 0;
}

/** Fit the regression of counts `y` on design rows (first column the intercept). */
export function fitNegativeBinomial(rows: readonly number[][], y: readonly number[]): NbFit {
  const p = rows[0]?.length ?? 1;
  const mean = y.reduce((s, v) => s + v, 0) / Math.max(1, y.length);
  let beta = [Math.log(Math.max(mean, 1e-3)), ...new Array<number>(p - 1).fill(0)];
  let alpha = 0;
  let information: number[][] = [];
  for (let round = 0; round < 3; round++) {
    ({ beta, information } = irls(rows, y, alpha, beta));
    alpha = dispersion(rows, y, beta);
  }
  return { beta, alpha, information };
}

/** The variance of x·β (the log of the mean) that comes from β's own uncertainty: x'·(X'WX)⁻¹·x. */
export function logMeanVariance(x: readonly number[], fit: NbFit): number {
  const solved = solveSpd(fit.information, [...x]);
  if (!solved) return 0;
  return Math.max(
    0,
    solved.reduce((s, v, j) => s + v * (x[j] as number), 0),
  );
}
