import { type Actor, hasRole, inSubtree, seesAll } from '../../domain/actor.js';

/** The history stream of a warning (its own hash chain). */
export const WARNING_STREAM = 'warning';

export const WARNING_KINDS = [
  'spike',
  'repeat_customer',
  'repeat_waybill',
  'repeat_person',
  'repeat_station',
  'escalation_risk',
  'dissatisfied',
  'near_breach',
  'topic',
] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

export const SCOPE_KINDS = [
  'category',
  'unit',
  'region',
  'channel',
  'customer',
  'waybill',
  'user',
  'complaint',
  'topic',
] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export const WARNING_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type WarningStatus = (typeof WARNING_STATUSES)[number];
/** Not resolved: at most one per kind and scope, a new trigger updates it. */
export const LIVE: readonly WarningStatus[] = ['open', 'acknowledged'];

/** The complaints kept with a warning (the newest); the figures say how many there were. */
export const MAX_COMPLAINTS = 50;

/** Supervisors and above work warnings of their unit subtree; executives (who see all) everywhere. */
export const MANAGING_ROLES = ['supervisor', 'manager', 'executive'] as const;

export interface WarningScope {
  unit_path: string;
  owner_id: number | null;
}

export const mayManage = (actor: Actor, unitPath: string) =>
  hasRole(actor, ...MANAGING_ROLES) && (seesAll(actor) || inSubtree(unitPath, actor.unitPath));

/** Admins, auditors and executives read every warning; managers their subtree's; an owner their own. */
export const mayRead = (actor: Actor, w: WarningScope) =>
  seesAll(actor) || w.owner_id === actor.userId || mayManage(actor, w.unit_path);
