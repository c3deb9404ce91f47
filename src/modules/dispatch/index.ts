export { type DispatchDecision, decideDispatch, pickAssignee } from './dispatch.js';
export type { DispatchFacts } from './rules.js';
