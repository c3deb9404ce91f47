/** Softmax of decision values sharpened or softened by `scale`: the confidence of each label. */
export function softmax(scores: number[], scale: number): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp((s - max) * scale));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

const negativeLogLikelihood = (rows: number[][], truth: number[], scale: number) => {
  let loss = 0;
  rows.forEach((scores, i) => {
    const p = softmax(scores, scale)[truth[i] as number] as number;
    loss -= Math.log(Math.max(p, 1e-12));
  });
  return loss;
};

/**
 * Temperature scaling: the scale minimising the log-loss of held-out decision values
 * (golden-section search on log scale), so "0.9" means right about nine times in ten.
 */
export function fitScale(rows: number[][], truth: number[]): number {
  if (rows.length === 0) return DEFAULT_SCALE;
  let lo = Math.log(0.1);
  let hi = Math.log(100);
  const ratio = (Math.sqrt(5) - 1) / 2;
  const f = (t: number) => negativeLogLikelihood(rows, truth, Math.exp(t));
  let a = hi - ratio * (hi - lo);
  let b = lo + ratio * (hi - lo);
  let fa = f(a);
  let fb = f(b);
  for (let i = 0; i < 40; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - ratio * (hi - lo);
      fa = f(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + ratio * (hi - lo);
      fb = f(b);
    }
  }
  return Math.exp((lo + hi) / 2);
}

/** Used when there is too little data to hold any out. */
export const DEFAULT_SCALE = 3;

/**
 * How much the best decision value itself says the text belongs anywhere: σ(a·top + b). Softmax
 * alone only compares labels, so a text the model knows nothing about ("你好 请回电") still gets a
 * confident winner among uniformly bad scores.
 */
export interface Gate {
  a: number;
  b: number;
}

/** No gate: confidences are the softmax alone. */
export const NO_GATE: Gate = { a: 0, b: 40 };

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export const gateFactor = (gate: Gate, top: number) => sigmoid(gate.a * top + gate.b);

/**
 * Fits the gate on held-out rows: the log-loss of "the top label is right" when its probability is
 * softmax(top) × σ(a·top + b). A coarse grid, then a pattern search halving its steps; a ≥ 0, so a
 * lower best score never means more confidence.
 */
export function fitGate(rows: number[][], truth: number[], scale: number): Gate {
  if (rows.length === 0) return NO_GATE;
  const cases = rows.map((scores, i) => {
    const top = scores.indexOf(Math.max(...scores));
    return { q: softmax(scores, scale)[top] as number, top: scores[top] as number, right: top === truth[i] };
  });
  const loss = (g: Gate) => {
    let l = 0;
    for (const c of cases) {
      const p = Math.min(Math.max(c.q * gateFactor(g, c.top), 1e-9), 1 - 1e-9);
      l -= Math.log(c.right ? p : 1 - p);
    }
    return l;
  };
  let best = NO_GATE;
  let bestLoss = loss(best);
  for (let a = 0; a <= 20; a += 1)
    for (let b = -5; b <= 10; b += 0.5) {
      const l = loss({ a, b });
      if (l < bestLoss) [best, bestLoss] = [{ a, b }, l];
    }
  for (let step = 0.5; step > 1e-3; step /= 2) {
    let improved = true;
    while (improved) {
      improved = false;
      for (const [da, db] of [
        [step, 0],
        [-step, 0],
        [0, step],
        [0, -step],
      ] as const) {
        const next = { a: Math.max(0, best.a + da), b: best.b + db };
        const l = loss(next);
        if (l < bestLoss - 1e-12) [best, bestLoss, improved] = [next, l, true];
      }
    }
  }
  return best;
}
