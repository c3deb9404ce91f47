import type { Priority } from '../../domain/complaint-model.js';

/** The stages of DOMAIN.md "Time limits", each a clock that starts and stops on history events. */
export const STAGES = [
  'register',
  'dispatch',
  'first_response',
  'evidence_request',
  'investigation',
  'approval',
  'reply',
  'archive',
  'whole',
] as const;
export type Stage = (typeof STAGES)[number];
export type Mode = 'working' | 'clock';

export interface Limit {
  mode: Mode;
  minutes: number;
}

/** DOMAIN.md's figures. Intake and the whole-complaint promise run on the clock, unit work in working time. */
export const DEFAULT_LIMITS: Record<Stage, Limit & { urgent?: Limit }> = {
  register: { mode: 'clock', minutes: 60, urgent: { mode: 'clock', minutes: 5 } },
  dispatch: { mode: 'clock', minutes: 120 },
  first_response: { mode: 'working', minutes: 60 },
  evidence_request: { mode: 'working', minutes: 180 },
  investigation: { mode: 'clock', minutes: 24 * 60 },
  approval: { mode: 'working', minutes: 120 },
  reply: { mode: 'working', minutes: 60, urgent: { mode: 'clock', minutes: 30 } },
  archive: { mode: 'working', minutes: 120 },
  whole: { mode: 'clock', minutes: 3 * 24 * 60 },
};

/**
 * Which clocks each history event starts (or restarts) and which it stops. Events not listed leave
 * the clocks alone; `pause`/`resume` are the waiting-for-the-customer pair.
 */
export const CLOCK_EVENTS: Record<
  string,
  { start?: Stage[]; meet?: Stage[] | 'all'; pause?: true; resume?: true }
> = {
  registered: { start: ['register', 'whole'] },
  resolved_on_first_contact: { meet: 'all', start: ['archive'] },
  accepted: { meet: ['register'], start: ['dispatch'] },
  assigned: { meet: ['register', 'dispatch'], start: ['first_response'] },
  transferred: { meet: ['dispatch'], start: ['first_response'] },
  investigation_started: { meet: ['first_response'], start: ['evidence_request', 'investigation'] },
  information_requested: { meet: ['evidence_request'], pause: true },
  customer_responded: { resume: true },
  judged: { meet: ['evidence_request'] },
  remedy_proposed: { meet: ['investigation', 'evidence_request'], start: ['approval'] },
  remedy_proposed_and_approved: { meet: ['investigation', 'evidence_request'], start: ['reply'] },
  remedy_approved: { meet: ['approval'], start: ['reply'] },
  remedy_rejected: { meet: ['approval'], start: ['investigation'] },
  replied: { meet: ['reply', 'whole'] },
  confirmed_satisfied: { start: ['archive'] },
  confirmed_unsatisfied: { start: ['investigation'] },
  reopened: { meet: ['archive'], start: ['investigation'] },
  invalidated: { meet: 'all', start: ['archive'] },
  withdrawn: { meet: 'all', start: ['archive'] },
  merged: { meet: 'all', start: ['archive'] },
  archived: { meet: 'all' },
  closed_unreachable: { meet: 'all' },
};

/** A policy row: a limit for a stage, optionally only for a category subtree and/or a priority. */
export interface Policy extends Limit {
  stage: Stage;
  categoryId: number | null;
  priority: Priority | null;
}

/**
 * The limit for a stage: the policy of the nearest category up the tree (leaf first, then "any"),
 * a priority-specific one before a general one; DOMAIN.md's default when no policy matches.
 */
export function resolveLimit(
  policies: readonly Policy[],
  stage: Stage,
  categoryPath: readonly number[],
  priority: Priority,
): Limit {
  const leafFirst = [...categoryPath].reverse();
  for (const categoryId of [...leafFirst, null]) {
    for (const p of [priority, null]) {
      const hit = policies.find((x) => x.stage === stage && x.categoryId === categoryId && x.priority === p);
      if (hit) return { mode: hit.mode, minutes: hit.minutes };
    }
  }
  const d = DEFAULT_LIMITS[stage];
  return priority === 'P1' && d.urgent ? d.urgent : { mode: d.mode, minutes: d.minutes };
}
