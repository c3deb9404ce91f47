export { periodOf } from './periods.js';
export { DEFAULT_RULES, type ScoringRules } from './rules.js';
export type { PersonSheet, UnitSheet } from './schemas.js';
export { personSheet, unitSheet } from './sheets.js';
