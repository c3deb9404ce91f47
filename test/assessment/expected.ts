import { type Dataset, type GeneratedComplaint, KINDS, type PEOPLE, resolvedAt, STAGES } from './dataset.js';

/** The figures counted straight from the generated data, the way a person would by hand. */

export interface Window {
  start: number;
  end: number;
  months: string[];
}

type Who = { person: (typeof PEOPLE)[number] } | { units: readonly string[] };

const within = (w: Window, t: number | null) => t !== null && t >= w.start && t < w.end;
const registeredAt = (c: GeneratedComplaint) => c.receivedAt + c.registeredAfter;
const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const nearestRank = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.ceil(p * s.length) - 1] ?? null) : null;
};

export function expectedFigures(data: Dataset, who: Who, w: Window) {
  const isPerson = 'person' in who;
  const receivedBy = (c: GeneratedComplaint) =>
    isPerson ? c.staffComplained === who.person : who.units.includes(c.unit);
  const judgedAgainst = (c: GeneratedComplaint) =>
    c.judgement !== null &&
    (isPerson
      ? c.judgement.person === who.person
      : c.judgement.unit !== null && who.units.includes(c.judgement.unit));
  const handledBy = (c: GeneratedComplaint) =>
    isPerson ? c.assignee === who.person : who.units.includes(c.unit);

  const received = data.complaints.filter((c) => receivedBy(c) && within(w, c.receivedAt)).length;
  const judged = data.complaints.filter((c) => judgedAgainst(c) && within(w, c.judgement?.at ?? null));
  const valid = judged.filter((c) => c.judgement?.valid);
  const validByKind = Object.fromEntries(
    KINDS.map((k) => [k, valid.filter((c) => c.judgement?.kind === k).length]),
  );
  const majorValid = valid.filter((c) => c.grade === 'major').length;
  const remediesPaid = judged
    .flatMap((c) => c.remedies)
    .filter((r) => r.status === 'approved' && (r.fulfilment === null || r.fulfilment === 'done'))
    .reduce((sum, r) => sum + r.amount, 0);

  const handled = data.complaints.filter((c) => handledBy(c) && within(w, resolvedAt(c)));
  const durations = handled.map((c) => (resolvedAt(c) ?? 0) - c.receivedAt);
  const stages = STAGES.map((stage) => {
    const ended = handled
      .map((c) => c.deadlines[stage])
      .filter((d) => d !== undefined && (d.met !== 'never' || d.breached));
    const met = ended.filter((d) => d?.met === 'early' || d?.met === 'at').length;
    return { stage, total: ended.length, met };
  })
    .filter((s) => s.total > 0)
    .sort((a, b) => a.stage.localeCompare(b.stage));
  const stageTotal = stages.reduce((a, s) => a + s.total, 0);
  const stageMet = stages.reduce((a, s) => a + s.met, 0);
  const surveys = handled.flatMap((c) => (c.survey ? [c.survey] : []));
  const firstContact = handled.filter((c) => resolvedAt(c) === registeredAt(c)).length;
  const reopened = handled.filter((c) => c.reopenCount > 0).length;
  const unsatisfied = handled.filter((c) => c.confirmation === 'unsatisfied').length;
  const checks = data.checks.filter(
    (q) =>
      q.status === 'final' &&
      w.months.includes(q.period) &&
      (isPerson ? q.handler === who.person : who.units.includes(q.unit)),
  );
  const quality = avg(checks.map((q) => q.revised ?? q.score));
  const high = surveys.filter((s) => s.recommendation >= 9).length;
  const ratio = (a: number, b: number) => (b ? a / b : null);

  // The default rules (ADR 0028, 0048), written out: valid complaints per count, the handling figures
  // as rates against their targets, per percentage point and capped.
  const byKind = validByKind as Record<(typeof KINDS)[number], number>;
  const points = (rate: number | null, beyond: (r: number) => number, each: number, cap: number) =>
    rate === null
      ? 0
      : Math.round(Math.min(Math.max(0, Math.round(beyond(rate) * 10_000) / 100) * each, cap) * 100) / 100;
  const n = handled.length;
  let score =
    100 -
    20 * byKind.major -
    10 * byKind.service_conduct -
    5 * byKind.business_error -
    2 * byKind.minor_slip -
    10 * majorValid -
    points(ratio(stageMet, stageTotal), (r) => 0.95 - r, 1, 20) -
    points(ratio(reopened, n), (r) => r - 0.05, 1, 10) -
    points(ratio(unsatisfied, n), (r) => r - 0.05, 1, 10) +
    points(ratio(firstContact, n), (r) => r - 0.3, 0.2, 5) +
    points(ratio(high, surveys.length), (r) => r - 0.5, 0.2, 5);
  if (quality !== null) score += Math.round(0.3 * (quality - score) * 100) / 100;
  score = Math.round(score * 100) / 100;

  return {
    responsible: {
      received,
      judged: judged.length,
      valid: valid.length,
      validByKind,
      majorValid,
      remediesPaid,
    },
    handler: {
      handled: handled.length,
      stages,
      onTimeRate: ratio(stageMet, stageTotal),
      overdueStages: stageTotal - stageMet,
      handlingMedianMs: nearestRank(durations, 0.5),
      handlingP90Ms: nearestRank(durations, 0.9),
      firstContact,
      firstContactRate: ratio(firstContact, handled.length),
      reopened,
      reopenRate: ratio(reopened, handled.length),
      unsatisfied,
      satisfaction: {
        surveys: surveys.length,
        speed: avg(surveys.map((s) => s.speed)),
        effectiveness: avg(surveys.map((s) => s.effectiveness)),
        attitude: avg(surveys.map((s) => s.attitude)),
        transparency: avg(surveys.map((s) => s.transparency)),
        recommendation: avg(surveys.map((s) => s.recommendation)),
        nps: surveys.length
          ? ((high - surveys.filter((s) => s.recommendation <= 6).length) / surveys.length) * 100
          : null,
        high,
      },
      quality: { checks: checks.length, average: quality },
    },
    score,
  };
}

export function expectedVolume(data: Dataset, units: readonly string[], months: string[]) {
  const rows = data.volumes.filter((v) => units.includes(v.unit) && months.includes(v.period));
  const sum = (xs: Array<number | null>) => {
    const present = xs.filter((x): x is number => x !== null);
    return present.length ? present.reduce((a, b) => a + b, 0) : null;
  };
  return { parcels: sum(rows.map((r) => r.parcels)), orders: sum(rows.map((r) => r.orders)) };
}
