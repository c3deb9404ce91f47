import { ESCALATION_CHAIN, type Role } from '../../domain/roles.js';

/** 处理权限: how much each role may grant alone (fen; null = no limit). Absent roles approve nothing. */
export interface AuthorityLimits {
  limits: Partial<Record<Role, number | null>>;
  /** The lowest role that may approve any remedy of a major complaint. */
  majorApprover: Role;
}

export const DEFAULT_AUTHORITY_LIMITS: AuthorityLimits = {
  limits: { agent: 2000, supervisor: 10000, manager: null, executive: null },
  majorApprover: 'manager',
};

const rank = (role: Role) => ESCALATION_CHAIN.indexOf(role);

function roleCovers(limits: AuthorityLimits, role: Role, amount: number, major: boolean): boolean {
  if (!(role in limits.limits)) return false;
  const limit = limits.limits[role];
  if (limit !== null && limit !== undefined && amount > limit) return false;
  if (major && (rank(role) < 0 || rank(role) < rank(limits.majorApprover))) return false;
  return true;
}

/** May someone with these roles decide a remedy of `amount` fen on its own? */
export function mayDecide(
  limits: AuthorityLimits,
  roles: readonly Role[],
  amount: number,
  major: boolean,
): boolean {
  return roles.some((r) => roleCovers(limits, r, amount, major));
}

/** The lowest role along the escalation chain that may approve it; null if none may. */
export function requiredApprover(limits: AuthorityLimits, amount: number, major: boolean): Role | null {
  return ESCALATION_CHAIN.find((r) => roleCovers(limits, r, amount, major)) ?? null;
}
