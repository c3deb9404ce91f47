import { type Actor, hasRole, inSubtree, seesAll } from '../../domain/actor.js';

/** The history stream of an action (its own hash chain, next to the complaints'). */
export const ACTION_STREAM = 'corrective_action';

export const ACTION_KINDS = ['corrective', 'preventive'] as const;
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'verified', 'closed'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
/** Still being worked: the due date runs, reminders and escalation apply. */
export const RUNNING: readonly ActionStatus[] = ['open', 'in_progress'];
export const OUTCOMES = ['effective', 'not_effective'] as const;

export const DEFAULT_EFFECT_DAYS = 30;
/** The owner is reminded this long before the due date. */
export const REMIND_BEFORE_MS = 2 * 24 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** Supervisors and above create, verify, extend and close actions; only within their unit subtree. */
export const MANAGING_ROLES = ['supervisor', 'manager', 'executive'] as const;

export interface ActionScope {
  unit_path: string;
  owner_id: number;
}

/** May the actor create or verify actions at a unit with this path? */
export const mayManage = (actor: Actor, unitPath: string) =>
  hasRole(actor, ...MANAGING_ROLES) && (seesAll(actor) || inSubtree(unitPath, actor.unitPath));

/** Admins, auditors and executives read every action; managers their subtree's; an owner their own. */
export const mayRead = (actor: Actor, a: ActionScope) =>
  seesAll(actor) || a.owner_id === actor.userId || mayManage(actor, a.unit_path);

/** The windows the effectiveness check compares: the same length before the action and after its verification. */
export function effectWindows(a: { created_at: number; verified_at: number; effect_days: number }) {
  const length = a.effect_days * DAY_MS;
  return {
    before: { from: a.created_at - length, to: a.created_at },
    after: { from: a.verified_at, to: a.verified_at + length },
  };
}

/** The change from before to after in whole percent (−60 for 10 → 4); null when there was nothing before. */
export const changePct = (before: number, after: number) =>
  before === 0 ? null : Math.round(((after - before) / before) * 100);
