import { type Actor, hasRole, inSubtree, seesAll } from '../../domain/actor.js';
import type { Role } from '../../domain/roles.js';
import { forbidden } from '../../lib/errors.js';
import { ACTIONS, type Action } from './lifecycle.js';

export type ComplaintPermission =
  | Action
  | 'register'
  | 'first_contact'
  | 'read'
  | 'add_evidence'
  | 'message'
  | 'survey'
  | 'curate_case';

/** The agent may do everything with a complaint except assess validity (within its approval limit). */
const AGENT: ComplaintPermission[] = [
  'read',
  'register',
  'first_contact',
  'add_evidence',
  'message',
  ...ACTIONS.filter((a) => a !== 'assess'),
];

/** The complainant on the portal, on their own complaint only (canSee). */
export const CUSTOMER_PERMISSIONS: readonly ComplaintPermission[] = [
  'read',
  'confirm',
  'withdraw',
  'add_evidence',
  'message',
  'survey',
];

/**
 * What each role may do with complaints (DOMAIN.md "People and roles"). Approving is further
 * limited by amount (authority.ts); visibility by unit (canSee).
 */
export const PERMISSIONS: Record<Role, readonly ComplaintPermission[]> = {
  agent: AGENT,
  handler: [
    'read',
    'update',
    'transfer',
    'start',
    'request_info',
    'resume',
    'judge',
    'propose',
    'reply',
    'escalate',
    'watch',
    'contact',
    'fulfil',
    'add_evidence',
    'message',
  ],
  supervisor: [...AGENT, 'assess', 'curate_case'],
  manager: [...AGENT, 'assess', 'curate_case'],
  executive: ['read', 'approve', 'reject', 'escalate', 'reopen', 'archive', 'assess', 'watch', 'curate_case'],
  auditor: ['read', 'assess', 'watch'],
  admin: ['read', 'curate_case'],
};

export const may = (actor: Actor, permission: ComplaintPermission) =>
  actor.customerOf !== undefined
    ? CUSTOMER_PERMISSIONS.includes(permission)
    : actor.roles.some((r) => PERMISSIONS[r]?.includes(permission));

export function requirePermission(actor: Actor, permission: ComplaintPermission): void {
  if (!may(actor, permission)) throw forbidden('forbidden', { action: permission });
}

/** A complaint is visible to those who see all, to its responsible and its intake unit's subtrees, and to its assignee. */
export function canSee(
  actor: Actor,
  c: { id: number; unit_path: string; intake_unit_path: string; assignee_id: number | null },
): boolean {
  if (actor.customerOf !== undefined) return c.id === actor.customerOf;
  return (
    seesAll(actor) ||
    inSubtree(c.unit_path, actor.unitPath) ||
    inSubtree(c.intake_unit_path, actor.unitPath) ||
    c.assignee_id === actor.userId
  );
}

/** Closing a major complaint is the manager's or the executive's. */
export function requireMajorCloser(actor: Actor): void {
  if (!hasRole(actor, 'manager', 'executive')) throw forbidden('major_requires_manager');
}
