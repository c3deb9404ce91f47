export { decideAppeal, withdrawAppeal } from './decide-appeal.js';
export { appealJudgement, appealQualityCheck } from './file-appeal.js';
export { complaintAppeals, getAppeal, listAppeals } from './queries.js';
export { appealRoutes } from './routes.js';
export { OUTCOMES, type Outcome, SUBJECT_KINDS } from './rules.js';
export { sweepOverdueAppeals } from './sweep-overdue.js';
