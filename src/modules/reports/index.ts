/** Reports (报表): weekly, monthly, quarterly and on-demand reports made by jobs, stored, listed and mailed. */

export { GENERATE_REPORT_JOB, generateReportJob } from './generate.js';
export { duePeriod, PERIODIC_KINDS, REPORT_KINDS, type ReportKind } from './periods.js';
export {
  queueReport,
  SCHEDULE_EVERY_MS as REPORTS_SCHEDULE_EVERY_MS,
  SCHEDULE_REPORTS_JOB,
  scheduleDueReports,
  scheduleReportsJob,
} from './schedule.js';
