import type { CallOutput, EndpointAt } from '../../../api/call';
import { ApiError } from '../../../api/client';

export type ActionSummary = CallOutput<EndpointAt<'GET', '/corrective-actions'>>['items'][number];
export type ActionView = CallOutput<EndpointAt<'GET', '/corrective-actions/:id'>>;

export const STATUS_COLOR: Record<string, string> = {
  open: 'blue',
  in_progress: 'processing',
  done: 'orange',
  verified: 'cyan',
  closed: 'default',
};

/** What the server said went wrong, or the fallback. */
export const problemText = (e: unknown, fallback: string) => (e instanceof ApiError ? e.title : fallback);

/** Every URL template that shows an action: refetched after any change. */
export const ACTION_READS = [
  '/corrective-actions',
  '/corrective-actions/:id',
  '/complaints/:number/corrective-actions',
  '/complaints/:number/timeline',
] as const;
