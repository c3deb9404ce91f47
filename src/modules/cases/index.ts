export { type CaseView, caseOf, toCaseView } from './case-view.js';
export { markCase, unmarkCase } from './curate-case.js';
export { listCases } from './list-cases.js';
export { offeredScripts } from './offered-scripts.js';
export type { CaseInput } from './schemas.js';
