export { DEFAULT_RULES, type ScoringRules } from './rules.js';
export type { PersonSheet, UnitSheet } from './schemas.js';
export { personSheet, unitSheet } from './sheets.js';
export { saveVolumes } from './volumes.js';
