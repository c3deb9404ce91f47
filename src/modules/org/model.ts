// Pure vocabularies of the organisation (the console imports them too).
export { ROLES, type Role } from '../../domain/roles.js';

export const UNIT_KINDS = ['company', 'region', 'branch', 'store', 'department'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
