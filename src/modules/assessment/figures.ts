import { VALID_KINDS, type ValidKind } from '../../domain/complaint-model.js';
import type { HandledRow, JudgedRow, StageRow, SurveyRow } from './queries.js';
import { type ScoreLine, type ScoringRules, score } from './rules.js';

/** As the person (or unit) responsible: what was received and judged against them. */
export interface ResponsibleFigures {
  received: number;
  judged: number;
  valid: number;
  validByKind: Record<ValidKind, number>;
  /** Valid complaints graded major (重大). */
  majorValid: number;
  /** Fen. */
  remediesPaid: number;
}

export interface StageFigure {
  stage: string;
  total: number;
  met: number;
  rate: number;
}

export interface SatisfactionFigures {
  surveys: number;
  speed: number | null;
  effectiveness: number | null;
  attitude: number | null;
  transparency: number | null;
  recommendation: number | null;
  /** %promoters (9–10) − %detractors (0–6). */
  nps: number | null;
  /** Surveys at or above the rules' high-satisfaction mark. */
  high: number;
}

/** As the handler: the complaints assigned to them and resolved in the period. */
export interface HandlerFigures {
  handled: number;
  stages: StageFigure[];
  onTimeRate: number | null;
  overdueStages: number;
  handlingMedianMs: number | null;
  handlingP90Ms: number | null;
  firstContact: number;
  firstContactRate: number | null;
  reopened: number;
  reopenRate: number | null;
  unsatisfied: number;
  satisfaction: SatisfactionFigures;
  quality: { checks: number; average: number | null };
}

export interface Figures {
  responsible: ResponsibleFigures;
  handler: HandlerFigures;
  score: { total: number; lines: ScoreLine[] };
}

const num = (v: unknown) => Number(v ?? 0);
const share = (part: number, whole: number) => (whole ? part / whole : null);

/** Nearest rank: the smallest value with at least p of the values at or below it. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? null;
}

export function responsibleFigures(
  received: number,
  judged: JudgedRow[],
  remedies: number,
): ResponsibleFigures {
  const validByKind = Object.fromEntries(VALID_KINDS.map((k) => [k, 0])) as Record<ValidKind, number>;
  let total = 0;
  let valid = 0;
  let majorValid = 0;
  for (const row of judged) {
    const count = num(row.count);
    total += count;
    if (row.validity !== 'valid') continue;
    valid += count;
    if (row.validity_kind && row.validity_kind in validByKind)
      validByKind[row.validity_kind as ValidKind] += count;
    if (row.grade === 'major') majorValid += count;
  }
  return { received, judged: total, valid, validByKind, majorValid, remediesPaid: remedies };
}

function satisfaction(row: SurveyRow | undefined): SatisfactionFigures {
  const surveys = num(row?.surveys);
  const avg = (v: unknown) => (surveys ? num(v) / surveys : null);
  return {
    surveys,
    speed: avg(row?.speed),
    effectiveness: avg(row?.effectiveness),
    attitude: avg(row?.attitude),
    transparency: avg(row?.transparency),
    recommendation: avg(row?.recommendation),
    nps: surveys ? ((num(row?.promoters) - num(row?.detractors)) / surveys) * 100 : null,
    high: num(row?.high),
  };
}

export function handlerFigures(
  handled: HandledRow[],
  stageRows: StageRow[],
  survey: SurveyRow | undefined,
  quality: { checks: number; sum: number } | undefined,
): HandlerFigures {
  const durations = handled.map((h) => num(h.resolved_at) - num(h.received_at)).sort((a, b) => a - b);
  const firstContact = handled.filter((h) => num(h.resolved_at) === num(h.registered_at)).length;
  const reopened = handled.filter((h) => num(h.reopen_count) > 0).length;
  const unsatisfied = handled.filter((h) => h.customer_confirmation === 'unsatisfied').length;
  const stages = stageRows
    .map((s) => ({ stage: s.stage, total: num(s.total), met: num(s.met), rate: num(s.met) / num(s.total) }))
    .sort((a, b) => a.stage.localeCompare(b.stage));
  const stageTotal = stages.reduce((sum, s) => sum + s.total, 0);
  const stageMet = stages.reduce((sum, s) => sum + s.met, 0);
  return {
    handled: handled.length,
    stages,
    onTimeRate: share(stageMet, stageTotal),
    overdueStages: stageTotal - stageMet,
    handlingMedianMs: percentile(durations, 0.5),
    handlingP90Ms: percentile(durations, 0.9),
    firstContact,
    firstContactRate: share(firstContact, handled.length),
    reopened,
    reopenRate: share(reopened, handled.length),
    unsatisfied,
    satisfaction: satisfaction(survey),
    quality: { checks: quality?.checks ?? 0, average: quality?.checks ? quality.sum / quality.checks : null },
  };
}

export function withScore(
  responsible: ResponsibleFigures,
  handler: HandlerFigures,
  rules: ScoringRules,
): Figures {
  return {
    responsible,
    handler,
    score: score(
      {
        validByKind: responsible.validByKind,
        majorValid: responsible.majorValid,
        onTime: { rate: handler.onTimeRate, count: handler.overdueStages },
        reopened: { rate: handler.reopenRate, count: handler.reopened },
        unsatisfied: { rate: share(handler.unsatisfied, handler.handled), count: handler.unsatisfied },
        firstContact: { rate: handler.firstContactRate, count: handler.firstContact },
        highSatisfaction: {
          rate: share(handler.satisfaction.high, handler.satisfaction.surveys),
          count: handler.satisfaction.high,
        },
        qualityAverage: handler.quality.average,
      },
      rules,
    ),
  };
}
