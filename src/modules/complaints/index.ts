export { act } from './act.js';
export { allowedActions } from './allowed-actions.js';
export { recordConfirmation, reopenComplaint, replyToCustomer } from './answer-complaint.js';
export { type AuthorityLimits, DEFAULT_AUTHORITY_LIMITS } from './authority.js';
export {
  archiveComplaint,
  invalidateComplaint,
  mergeComplaint,
  withdrawComplaint,
} from './close-complaint.js';
export { COMPLAINT_STREAM, changedFields, lockVisibleComplaint } from './complaint-command.js';
export { closeUnreachableJob } from './contact-customer.js';
export { approveRemedy, proposeRemedy, rejectRemedy } from './decide-remedy.js';
export {
  assessValidity,
  recordJudgement,
  requestInformation,
  resumeInvestigation,
  startInvestigation,
} from './investigate-complaint.js';
export { ACTIONS, type Action, ALLOWED_FROM, CURATE_CASE_FROM } from './lifecycle.js';
export { canSee, may, PERMISSIONS, requirePermission } from './permissions.js';
export {
  getComplaint,
  getTimeline,
  listComplaints,
  type ScannedComplaint,
  scanComplaints,
  visibleComplaintId,
  visibleTo,
} from './queries.js';
export { type Registered, registerComplaint } from './register-complaint.js';
export type { RemedySummary } from './remedy-summaries.js';
export { acceptComplaint, assignComplaint, escalateComplaint, transferComplaint } from './route-complaint.js';
export * as schemas from './schemas.js';
export { linkComplaint, updateComplaint, watchComplaint } from './update-complaint.js';
export { evidenceView } from './view.js';
