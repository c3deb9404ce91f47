import { VALID_KINDS, type ValidKind } from '../../domain/complaint-model.js';
import { badRequest, type FieldProblem } from '../../lib/errors.js';

/**
 * A rate held against a target: points per percentage point on the wrong side of it (a deduction) or
 * beyond it (a bonus), never more than `max`. A rate, not a count, so that a person who handles 400
 * complaints a month is not marked down 40 times for what is 1 % of their work.
 */
export interface RateRule {
  /** 0–1. */
  target: number;
  /** Per percentage point. */
  points: number;
  max: number;
}

/** 考核规则: what a sheet's score is made of. Deductions and bonuses are points, never negative numbers. */
export interface ScoringRules {
  /** The score a person starts the period with. */
  base: number;
  /** Deducted per valid complaint judged against the person, by validity kind. */
  validPoints: Record<ValidKind, number>;
  /** Deducted in addition when the valid complaint is graded major (重大投诉). */
  majorGradeExtra: number;
  /**
   * As handler: deducted for the on-time rate of the stages below its target, for the reopen and
   * unsatisfied rates above theirs; added for the first-contact rate and the share of surveys
   * recommending at `highSatisfactionFrom` or above beyond theirs.
   */
  rates: {
    onTime: RateRule;
    reopened: RateRule;
    unsatisfied: RateRule;
    firstContact: RateRule;
    highSatisfaction: RateRule;
  };
  highSatisfactionFrom: number;
  /** Share (0–1) of the final score taken by the quality-check average when the person has checks. */
  qualityWeight: number;
}

/**
 * Defaults from the call centre's procedure (六、投诉评判标准): the valid kinds in decreasing weight —
 * 重大投诉, 服务类, 业务类, 服务差错 — see ADR 0028; the handling rates against the targets a courier
 * complaint department sets itself (ADR 0048).
 */
export const DEFAULT_RULES: ScoringRules = {
  base: 100,
  validPoints: { major: 20, service_conduct: 10, business_error: 5, minor_slip: 2 },
  majorGradeExtra: 10,
  rates: {
    onTime: { target: 0.95, points: 1, max: 20 },
    reopened: { target: 0.05, points: 1, max: 10 },
    unsatisfied: { target: 0.05, points: 1, max: 10 },
    firstContact: { target: 0.3, points: 0.2, max: 5 },
    highSatisfaction: { target: 0.5, points: 0.2, max: 5 },
  },
  highSatisfactionFrom: 9,
  qualityWeight: 0.3,
};

/**
 * The rules as stored. Rules saved before the handling figures became rates (ADR 0048) keep their
 * base, valid-complaint points, major extra and quality weight; their per-count deductions and
 * bonuses give way to the default rates.
 */
export function rulesFrom(stored: Partial<ScoringRules>): ScoringRules {
  if (stored.rates) return stored as ScoringRules;
  const { base, validPoints, majorGradeExtra, qualityWeight } = { ...DEFAULT_RULES, ...stored };
  return { ...DEFAULT_RULES, base, validPoints, majorGradeExtra, qualityWeight };
}

/** Beyond the schema (non-negative numbers, ranges): a valid kind never weighs more than the one before it. */
export function checkRules(rules: ScoringRules): void {
  const fields: FieldProblem[] = [];
  for (let i = 1; i < VALID_KINDS.length; i++) {
    const kind = VALID_KINDS[i] as ValidKind;
    const before = VALID_KINDS[i - 1] as ValidKind;
    if (rules.validPoints[kind] > rules.validPoints[before])
      fields.push({
        path: `/validPoints/${kind}`,
        code: 'weight_above_previous_kind',
        params: { previous: before },
      });
  }
  if (fields.length) throw badRequest('validation_failed', fields);
}

/** A rate and the count behind it: overdue stages, reopened complaints, surveys… */
export interface RateInput {
  rate: number | null;
  count: number;
}

/** What the score is computed from. */
export interface ScoreInput {
  validByKind: Record<ValidKind, number>;
  majorValid: number;
  onTime: RateInput;
  reopened: RateInput;
  unsatisfied: RateInput;
  firstContact: RateInput;
  highSatisfaction: RateInput;
  qualityAverage: number | null;
}

export interface ScoreLine {
  code: string;
  count: number | null;
  points: number;
  /** A rate line: the person's rate and the target it was held against. */
  rate?: number;
  target?: number;
}

/** Which side of its target a rate loses (or earns) points on. */
const RATE_LINES = [
  { key: 'onTime', code: 'on_time', sign: -1, below: true },
  { key: 'reopened', code: 'reopened', sign: -1, below: false },
  { key: 'unsatisfied', code: 'unsatisfied', sign: -1, below: false },
  { key: 'firstContact', code: 'first_contact', sign: 1, below: false },
  { key: 'highSatisfaction', code: 'high_satisfaction', sign: 1, below: false },
] as const;

/** Points to two decimals: 58.01, not 58.010000000000005. */
const hundredths = (v: number) => Math.round(v * 100) / 100;

/** The score and each line that made it, so that a person can see why. */
export function score(input: ScoreInput, rules: ScoringRules): { total: number; lines: ScoreLine[] } {
  const lines: ScoreLine[] = [{ code: 'base', count: null, points: rules.base }];
  const add = (code: string, count: number, each: number) => {
    if (count > 0 && each !== 0) lines.push({ code, count, points: count * each });
  };
  for (const kind of VALID_KINDS) add(`valid_${kind}`, input.validByKind[kind], -rules.validPoints[kind]);
  add('major_grade', input.majorValid, -rules.majorGradeExtra);
  for (const { key, code, sign, below } of RATE_LINES) {
    const { rate, count } = input[key];
    const { target, points: each, max } = rules.rates[key];
    if (rate === null) continue;
    // Percentage points on the side that counts, to two decimals: 81.5 % against 95 % is 13.5.
    const beyond = Math.round(Math.max(0, below ? target - rate : rate - target) * 10_000) / 100;
    const points = hundredths(Math.min(beyond * each, max));
    if (points > 0) lines.push({ code, count, points: sign * points, rate, target });
  }
  const rulesTotal = lines.reduce((sum, l) => sum + l.points, 0);
  if (input.qualityAverage === null || rules.qualityWeight === 0)
    return { total: hundredths(rulesTotal), lines };
  // The quality line moves the total the weighted share of the way towards the check average.
  const points = hundredths(rules.qualityWeight * (input.qualityAverage - rulesTotal));
  lines.push({ code: 'quality', count: null, points });
  return { total: hundredths(rulesTotal + points), lines };
}
