export { type BackoffOptions, backoffDelay, DEFAULT_BACKOFF } from './backoff.js';
export { type CatchUpLimits, catchUpInShortTransactions } from './catch-up.js';
export {
  type ClaimOptions,
  claimJobs,
  completeJob,
  describeError,
  extendLeases,
  type FailOptions,
  type FailResult,
  failJob,
  type Job,
  type JobLease,
  LeaseLostError,
  PermanentJobError,
  releaseJob,
  runInJobTransaction,
} from './claim.js';
export { cronKey, cronSlot, scheduleDueCron } from './cron.js';
export {
  DEFAULT_JOB_TIMEOUT_MS,
  defineJob,
  type JobContext,
  type JobDefinition,
  type JobHandler,
  type JobOptions,
  type JobSpec,
} from './define.js';
export { DEFAULT_MAX_ATTEMPTS, type EnqueueOptions, enqueue, insertJob, type NewJob } from './enqueue.js';
export { type BatchJob, enqueueMany } from './enqueue-many.js';
export { lastHeartbeat } from './heartbeat.js';
export { pruneJobs } from './prune.js';
export { findJob, getJob, type JobList, listJobs } from './queries.js';
export { jobQueueCounts, oldestWaitingMs } from './queue-stats.js';
export { type CronEntry, createJobRegistry, type JobRegistry } from './registry.js';
export { retryJob } from './retry-job.js';
export {
  JOB_LIST_STATES,
  JOB_STATES,
  JobIdParams,
  type JobListInput,
  JobListQuery,
  JobListResponse,
  type JobState,
  type JobView,
  JobViewSchema,
} from './schemas.js';
export { toJobView } from './view.js';
export {
  defaultWorkerId,
  runDueJobs,
  type StopOptions,
  startWorker,
  type Worker,
  type WorkerEvent,
  type WorkerOptions,
  type WorkerStats,
} from './worker.js';
