import { VALID_KINDS, type ValidKind } from '../../domain/complaint-model.js';
import { badRequest, type FieldProblem } from '../../lib/errors.js';

/** 考核规则: what a sheet's score is made of. Deductions and bonuses are points, never negative numbers. */
export interface ScoringRules {
  /** The score a person starts the period with. */
  base: number;
  /** Deducted per valid complaint judged against the person, by validity kind. */
  validPoints: Record<ValidKind, number>;
  /** Deducted in addition when the valid complaint is graded major (重大投诉). */
  majorGradeExtra: number;
  /** Deducted per stage not met in time, per reopened complaint, per unsatisfied confirmation (as handler). */
  deductions: { overdueStage: number; reopened: number; unsatisfied: number };
  /** Added per first-contact resolution and per survey recommending at `highSatisfactionFrom` or above. */
  bonuses: { firstContact: number; highSatisfaction: number; highSatisfactionFrom: number };
  /** Share (0–1) of the final score taken by the quality-check average when the person has checks. */
  qualityWeight: number;
}

/**
 * Defaults from the call centre's procedure (六、投诉评判标准): the valid kinds in decreasing weight —
 * 重大投诉, 服务类, 业务类, 服务差错 — see ADR 0028.
 */
export const DEFAULT_RULES: ScoringRules = {
  base: 100,
  validPoints: { major: 20, service_conduct: 10, business_error: 5, minor_slip: 2 },
  majorGradeExtra: 10,
  deductions: { overdueStage: 1, reopened: 2, unsatisfied: 2 },
  bonuses: { firstContact: 0.5, highSatisfaction: 1, highSatisfactionFrom: 9 },
  qualityWeight: 0.3,
};

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

/** What the score is computed from. */
export interface ScoreInput {
  validByKind: Record<ValidKind, number>;
  majorValid: number;
  overdueStages: number;
  reopened: number;
  unsatisfied: number;
  firstContact: number;
  highSatisfaction: number;
  qualityAverage: number | null;
}

export interface ScoreLine {
  code: string;
  count: number | null;
  points: number;
}

/** The score and each line that made it, so that a person can see why. */
export function score(input: ScoreInput, rules: ScoringRules): { total: number; lines: ScoreLine[] } {
  const lines: ScoreLine[] = [{ code: 'base', count: null, points: rules.base }];
  const add = (code: string, count: number, each: number) => {
    if (count > 0 && each !== 0) lines.push({ code, count, points: count * each });
  };
  for (const kind of VALID_KINDS) add(`valid_${kind}`, input.validByKind[kind], -rules.validPoints[kind]);
  add('major_grade', input.majorValid, -rules.majorGradeExtra);
  add('overdue_stage', input.overdueStages, -rules.deductions.overdueStage);
  add('reopened', input.reopened, -rules.deductions.reopened);
  add('unsatisfied', input.unsatisfied, -rules.deductions.unsatisfied);
  add('first_contact', input.firstContact, rules.bonuses.firstContact);
  add('high_satisfaction', input.highSatisfaction, rules.bonuses.highSatisfaction);
  const rulesTotal = lines.reduce((sum, l) => sum + l.points, 0);
  if (input.qualityAverage === null || rules.qualityWeight === 0) return { total: rulesTotal, lines };
  // The quality line moves the total the weighted share of the way towards the check average.
  const points = rules.qualityWeight * (input.qualityAverage - rulesTotal);
  lines.push({ code: 'quality', count: null, points });
  return { total: rulesTotal + points, lines };
}
