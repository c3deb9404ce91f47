import type { Job } from '../../db/schema.js';
import type { JobState, JobView } from './schemas.js';

const iso = (ms: number) => new Date(ms).toISOString();

function parsePayload(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A job as the admin API shows it: camelCase, ISO times, the payload parsed. */
export function toJobView(job: Job): JobView {
  return {
    id: job.id,
    kind: job.kind,
    state: job.state as JobState,
    payload: parsePayload(job.payload),
    runAt: iso(job.run_at),
    attempts: job.attempts,
    maxAttempts: job.max_attempts,
    lastError: job.last_error,
    lockedBy: job.locked_by,
    lockedUntil: job.locked_until === null ? null : iso(job.locked_until),
    key: job.key,
    createdAt: iso(job.created_at),
    finishedAt: job.finished_at === null ? null : iso(job.finished_at),
  };
}
