export { type Actor, hasRole, loadActor, seesAll } from './actor.js';
export { actorForApiToken, createApiToken, listApiTokens, revokeApiToken } from './api-tokens.js';
export { hashPassword } from './passwords.js';
export { ESCALATION_CHAIN, ROLES, type Role, SEES_ALL_ROLES } from './roles.js';
export { actorForSession, login, logout } from './sessions.js';
export { createUnit, insertUnit, listUnits, UNIT_KINDS, type UnitKind, updateUnit } from './units.js';
export { createUser, insertUser, listUsers, type UserView, updateUser } from './users.js';
