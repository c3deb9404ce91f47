export { type DispatchDecision, decideDispatch, pickAssignee } from './dispatch.js';
export { dispatchRoutes } from './routes.js';
export type { DispatchFacts } from './rules.js';
