/** What one complaint contributes to the statistics: pure, from its rows as loaded (load-facts.ts). */

import type { StatsDimensions, StatsMeasures } from '../../db/schema.js';
import { OPEN_STATUSES, type Status } from '../../domain/complaint-model.js';
import { dateKey, localFields } from '../../lib/time.js';
import { bucketOf } from './buckets.js';

export interface ComplaintRow {
  id: number;
  status: string;
  channel: string;
  received_at: number;
  registered_at: number;
  category_id: number;
  unit_id: number;
  intake_unit_id: number;
  priority: string;
  grade: string;
  validity: string | null;
  liable_party: string | null;
  region: string | null;
  repeat_complaint: number;
  reopen_count: number;
  resolved_at: number | null;
  merged_into_id: number | null;
}

export interface DeadlineRow {
  complaint_id: number;
  stage: string;
  started_at: number;
  due_at: number;
  met_at: number | null;
}

export interface SurveyRow {
  complaint_id: number;
  speed: number;
  effectiveness: number;
  attitude: number;
  transparency: number;
  recommendation: number;
}

export interface RemedyRow {
  id: number;
  complaint_id: number;
  kinds: string;
  required_role: string | null;
  amount: number;
}

export interface Fact extends StatsDimensions, StatsMeasures {
  complaint_id: number;
  hour: number;
}
export interface StageFact {
  complaint_id: number;
  stage: string;
  bucket: number;
  on_time: number;
}
export interface RemedyFact {
  complaint_id: number;
  proposal_id: number;
  kinds: string;
  level: string;
  amount: number;
}

/** A complaint's facts; none for a complaint merged into another (it is counted there). */
export interface ComplaintFacts {
  fact: Fact | null;
  stages: StageFact[];
  remedies: RemedyFact[];
}

const flag = (b: boolean) => (b ? 1 : 0);
const isOpen = (status: string) => OPEN_STATUSES.includes(status as Status);

export function complaintFacts(
  c: ComplaintRow,
  deadlines: readonly DeadlineRow[],
  surveys: readonly SurveyRow[],
  remedies: readonly RemedyRow[],
  timeZone: string,
): ComplaintFacts {
  if (c.merged_into_id !== null || c.status === 'merged') return { fact: null, stages: [], remedies: [] };
  const sum = (f: (s: SurveyRow) => number) => surveys.reduce((a, s) => a + f(s), 0);
  const fact: Fact = {
    complaint_id: c.id,
    day: Number(dateKey(c.received_at, timeZone)),
    hour: localFields(c.received_at, timeZone).hour,
    category_id: c.category_id,
    unit_id: c.unit_id,
    intake_unit_id: c.intake_unit_id,
    channel: c.channel,
    priority: c.priority,
    grade: c.grade,
    validity: c.validity ?? '',
    liable_party: c.liable_party ?? '',
    region: c.region ?? '',
    repeat_flag: flag(!!c.repeat_complaint),
    closed: flag(!isOpen(c.status)),
    first_contact: flag(c.resolved_at !== null && c.resolved_at === c.registered_at),
    reopened: flag(c.reopen_count > 0),
    reopens: c.reopen_count,
    surveys: surveys.length,
    speed: sum((s) => s.speed),
    effectiveness: sum((s) => s.effectiveness),
    attitude: sum((s) => s.attitude),
    transparency: sum((s) => s.transparency),
    recommendation: sum((s) => s.recommendation),
    promoters: sum((s) => flag(s.recommendation >= 9)),
    detractors: sum((s) => flag(s.recommendation <= 6)),
  };
  return {
    fact,
    stages: deadlines.flatMap((d) =>
      d.met_at === null
        ? []
        : [
            {
              complaint_id: c.id,
              stage: d.stage,
              bucket: bucketOf(d.met_at - d.started_at),
              on_time: flag(d.met_at <= d.due_at),
            },
          ],
    ),
    remedies: remedies.map((r) => ({
      complaint_id: c.id,
      proposal_id: r.id,
      kinds: kindsKey(r.kinds),
      level: r.required_role ?? '',
      amount: r.amount,
    })),
  };
}

/** A remedy's kinds (a JSON array) as the rollup key: sorted, comma-separated. */
export function kindsKey(json: string): string {
  const kinds = JSON.parse(json) as unknown;
  return Array.isArray(kinds) ? kinds.map(String).sort().join(',') : '';
}
