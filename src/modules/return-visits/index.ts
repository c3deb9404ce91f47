export { type ScheduledVisit, scheduleReturnVisit } from './schedule-visit.js';
