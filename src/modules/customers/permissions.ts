import { type Actor, hasRole } from '../../domain/actor.js';
import type { Role } from '../../domain/roles.js';
import { forbidden } from '../../lib/errors.js';

export type CustomerPermission = 'read' | 'write';

/**
 * Who may work with customer profiles: the staff who handle complaints read them; those who
 * register complaints keep them up to date. The admin configures the system and sees no customer
 * data by default; a portal customer sees only their own complaint. Whether contacts are shown
 * unmasked is the privacy setting's decision (maySeePersonalData), not this one.
 */
export const CUSTOMER_PERMISSIONS: Record<CustomerPermission, readonly Role[]> = {
  read: ['agent', 'handler', 'supervisor', 'manager', 'executive', 'auditor'],
  write: ['agent', 'supervisor', 'manager'],
};

export const mayCustomers = (actor: Actor, permission: CustomerPermission) =>
  actor.customerOf === undefined && hasRole(actor, ...CUSTOMER_PERMISSIONS[permission]);

export function requireCustomerPermission(actor: Actor, permission: CustomerPermission): void {
  if (!mayCustomers(actor, permission))
    throw forbidden('forbidden', { action: permission === 'read' ? 'read_customers' : 'edit_customers' });
}
