export { createAction, type FromWarning } from './create-action.js';
export { ACTION_REMINDERS_EVERY_MS, ACTION_REMINDERS_JOB, actionRemindersJob } from './reminder-job.js';
export { ACTION_STREAM } from './rules.js';
export type { CreateActionInput } from './schemas.js';
