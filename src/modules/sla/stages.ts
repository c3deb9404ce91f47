import type { Priority } from '../../domain/complaint-model.js';

/** The stages of DOMAIN.md "Time limits", each a clock that starts and stops on history events. */
export const STAGES = [
  'register',
  'dispatch',
  'first_response',
  'investigation',
  'evidence_request',
  'proposal',
  'reply',
  'archive',
  'whole',
  'external',
  'fulfilment',
] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Clocks whose due time is given, not computed from a limit: an authority's deadline for its
 * referral, the due date set for carrying out an approved remedy. They never pause for the
 * customer, no priority or category changes them, and no policy configures them.
 */
export const FIXED_STAGES = ['external', 'fulfilment'] as const satisfies readonly Stage[];
export type FixedStage = (typeof FIXED_STAGES)[number];
export type LimitStage = Exclude<Stage, FixedStage>;
export const LIMIT_STAGES = STAGES.filter(
  (s): s is LimitStage => !(FIXED_STAGES as readonly string[]).includes(s),
);
export const isFixedStage = (stage: string): stage is FixedStage =>
  (FIXED_STAGES as readonly string[]).includes(stage);
export type Mode = 'working' | 'clock';

export interface Limit {
  mode: Mode;
  minutes: number;
}

/**
 * DOMAIN.md's figures. Intake and the whole-complaint promise run on the clock, unit work in working
 * time. The evidence clock times the customer's evidence once it is asked for: two working days, the
 * procedures' wait for an unreachable customer.
 */
export const DEFAULT_LIMITS: Record<LimitStage, Limit & { urgent?: Limit }> = {
  register: { mode: 'clock', minutes: 60, urgent: { mode: 'clock', minutes: 5 } },
  dispatch: { mode: 'clock', minutes: 120 },
  first_response: { mode: 'working', minutes: 60 },
  investigation: { mode: 'clock', minutes: 24 * 60 },
  evidence_request: { mode: 'working', minutes: 2 * 9 * 60 },
  proposal: { mode: 'working', minutes: 120 },
  reply: { mode: 'working', minutes: 60, urgent: { mode: 'clock', minutes: 30 } },
  archive: { mode: 'working', minutes: 120 },
  whole: { mode: 'clock', minutes: 3 * 24 * 60 },
};

/**
 * Which clocks each history event starts (or restarts) and which it stops, as the courier plan
 * counts them (ADR 0005): registration, dispatch and the whole complaint from receipt; the start of
 * the investigation within 24 h of dispatch; evidence only once it is asked for; the proposal within
 * 2 h of the end of the investigation (the judgement). `pause`/`resume` are waiting for the customer;
 * `fromReceipt` anchors the started clocks at the complaint's receipt instead of the event.
 */
export const CLOCK_EVENTS: Record<
  string,
  { start?: LimitStage[]; meet?: Stage[] | 'all'; pause?: true; resume?: true; fromReceipt?: true }
> = {
  registered: { start: ['register', 'dispatch', 'whole'], fromReceipt: true },
  resolved_on_first_contact: { meet: 'all', start: ['archive'] },
  accepted: { meet: ['register'] },
  assigned: { meet: ['register', 'dispatch'], start: ['first_response', 'investigation'] },
  transferred: { meet: ['register', 'dispatch'], start: ['first_response', 'investigation'] },
  contact_attempted: { meet: ['first_response'] },
  investigation_started: { meet: ['first_response', 'investigation'] },
  information_requested: { pause: true, start: ['evidence_request'] },
  customer_responded: { meet: ['evidence_request'], resume: true },
  judged: { start: ['proposal'] },
  remedy_proposed: { meet: ['proposal', 'evidence_request'] },
  remedy_proposed_and_approved: { meet: ['proposal', 'evidence_request'], start: ['reply'] },
  remedy_approved: { start: ['reply'] },
  remedy_rejected: { start: ['proposal'] },
  replied: { meet: ['reply', 'whole', 'external'] },
  confirmed_satisfied: { start: ['archive'] },
  confirmed_unsatisfied: { start: ['whole'] },
  reopened: { meet: ['archive'], start: ['whole'] },
  invalidated: { meet: 'all', start: ['archive'] },
  withdrawn: { meet: 'all', start: ['archive'] },
  merged: { meet: 'all', start: ['archive'] },
  archived: { meet: 'all' },
  closed_unreachable: { meet: 'all' },
};

/** A policy row: a limit for a stage, optionally only for a category subtree and/or a priority. */
export interface Policy extends Limit {
  stage: LimitStage;
  categoryId: number | null;
  priority: Priority | null;
}

/**
 * The limit for a stage: the policy of the nearest category up the tree (leaf first, then "any"),
 * a priority-specific one before a general one; DOMAIN.md's default when no policy matches.
 */
export function resolveLimit(
  policies: readonly Policy[],
  stage: LimitStage,
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
