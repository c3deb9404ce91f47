import { type Action, STATUSES, type Status } from '../../domain/complaint-model.js';
import { conflict } from '../../lib/errors.js';

export { ACTIONS, type Action } from '../../domain/complaint-model.js';

const WORKING: Status[] = ['received', 'accepted', 'assigned', 'investigating', 'waiting_customer'];
const BEFORE_RESOLUTION: Status[] = [...WORKING, 'proposed', 'approved', 'replied'];
const NOT_CLOSED: Status[] = [...BEFORE_RESOLUTION, 'resolved', 'invalid', 'merged', 'withdrawn'];

/** The statuses each action may start from ("The life of a complaint", DOMAIN.md). */
export const ALLOWED_FROM: Record<Action, readonly Status[]> = {
  update: NOT_CLOSED,
  accept: ['received'],
  assign: ['accepted', 'assigned'],
  transfer: ['accepted', 'assigned', 'investigating'],
  start: ['assigned'],
  request_info: ['investigating'],
  resume: ['waiting_customer'],
  judge: ['investigating', 'waiting_customer'],
  assess: ['investigating', 'waiting_customer', 'proposed', 'approved', 'replied', 'resolved', 'invalid'],
  propose: ['investigating'],
  approve: ['proposed'],
  reject: ['proposed'],
  reply: ['approved'],
  confirm: ['replied'],
  reopen: ['resolved', 'invalid'],
  escalate: BEFORE_RESOLUTION,
  merge: WORKING,
  withdraw: BEFORE_RESOLUTION,
  invalidate: ['received', 'accepted', 'assigned', 'investigating'],
  archive: ['resolved', 'invalid', 'merged', 'withdrawn'],
  watch: NOT_CLOSED,
  contact: BEFORE_RESOLUTION,
  // An approved remedy is carried out before the reply, or after it when the reply named it.
  fulfil: ['approved', 'replied', 'resolved'],
};

/** Marking a complaint as a case of the library (案例库) once it was accepted, archived ones included; not a state change. */
export const CURATE_CASE_FROM: readonly Status[] = STATUSES.filter((s) => s !== 'received');

export function canTransition(status: Status, action: Action): boolean {
  return ALLOWED_FROM[action].includes(status);
}

/** 409 with a stable code when `action` is not allowed in `status`. */
export function assertTransition(status: Status, action: Action): void {
  if (status === 'closed') throw conflict('complaint_archived', { action });
  if (!canTransition(status, action)) throw conflict('illegal_transition', { action, status });
}
