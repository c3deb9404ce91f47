export const ROLES = ['agent', 'handler', 'supervisor', 'manager', 'executive', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose holders see every unit's complaints, not only their own unit's subtree. */
export const SEES_ALL_ROLES: readonly Role[] = ['executive', 'auditor', 'admin'];

/** The escalation chain, lowest first. */
export const ESCALATION_CHAIN: readonly Role[] = ['agent', 'supervisor', 'manager', 'executive'];
