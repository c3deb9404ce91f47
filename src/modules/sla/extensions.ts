import type { Selectable } from 'kysely';
import type { ComplaintDeadlineTable } from '../../db/schema.js';
import { type Actor, hasRole } from '../../domain/actor.js';
import type { Role } from '../../domain/roles.js';
import { addWorkingDays, timeBetween } from './calendar/index.js';
import { times } from './clocks.js';
import type { SlaContext } from './settings.js';

/** Extensions are decided by the handler's superiors: the unit's supervisor or above. */
export const EXTENSION_DECIDERS = ['supervisor', 'manager', 'executive'] as const satisfies Role[];

export const mayDecideExtension = (actor: Actor) => hasRole(actor, ...EXTENSION_DECIDERS);

/** A running deadline moved by an approved extension, for the history. */
export interface Extended {
  stage: string;
  from: string;
  to: string;
}

/**
 * A running deadline moved by exactly `days` working days: the time between its due time and the same
 * time `days` working days later is added to its offset (`paused_ms`, time added to the limit, in the
 * clock's own kind: working ms for a working-time clock, plain ms for a clock-time one), and its due and
 * reminder times follow from its start as the clocks compute them.
 */
export function extendDeadline(
  sla: SlaContext,
  d: Pick<
    Selectable<ComplaintDeadlineTable>,
    'stage' | 'mode' | 'limit_ms' | 'started_at' | 'due_at' | 'remind_at' | 'reminded_at' | 'paused_ms'
  >,
  days: number,
): { set: { paused_ms: number; due_at: number; remind_at: number | null }; moved: Extended } {
  const mode = d.mode as 'working' | 'clock';
  const pausedMs =
    d.paused_ms + timeBetween(sla.calendar, mode, d.due_at, addWorkingDays(sla.calendar, d.due_at, days));
  const { dueAt, remindAt } = times(sla, { mode, limitMs: d.limit_ms, startedAt: d.started_at, pausedMs });
  return {
    set: { paused_ms: pausedMs, due_at: dueAt, remind_at: d.reminded_at === null ? remindAt : d.remind_at },
    moved: { stage: d.stage, from: new Date(d.due_at).toISOString(), to: new Date(dueAt).toISOString() },
  };
}
