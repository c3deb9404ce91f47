/** Hot topics (热点): complaints grouped by their words every day, followed from day to day. */

export { listTopics } from './queries.js';
export {
  REFRESH_TOPICS_EVERY_MS,
  REFRESH_TOPICS_JOB,
  refreshTopicsJob,
  runTopicsCommand,
} from './refresh-job.js';
export { type FoundTopics, findTopics, storeTopics, type TopicsRun } from './refresh-topics.js';
export type { Topic, Topics } from './schemas.js';
export { type TopicWarningCandidate, topicWarnings } from './warnings.js';
