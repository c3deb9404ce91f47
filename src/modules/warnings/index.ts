/** Early warnings (预警): the record, its detectors as jobs, and `raiseWarning` for other detectors (hot topics). */
export { NEAR_BREACH_EVERY_MS, NEAR_BREACH_JOB, nearBreachJob } from './detect-near-breach.js';
export { SPIKES_EVERY_MS, SPIKES_JOB, spikesJob } from './detect-spikes.js';
export { FOLLOW_EVENTS_EVERY_MS, FOLLOW_EVENTS_JOB, followEventsJob } from './follow-events.js';
export { type Raised, raiseWarning, type WarningCandidate } from './raise.js';
export { WARNING_STREAM } from './rules.js';
