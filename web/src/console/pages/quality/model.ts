import type { CallOutput, EndpointAt } from '../../../api/call';

export type CheckSummary = CallOutput<EndpointAt<'GET', '/quality-checks'>>['items'][number];
export type Check = CallOutput<EndpointAt<'GET', '/quality-checks/:id'>>;
export type DrawResult = CallOutput<EndpointAt<'POST', '/quality-checks/draws'>>;

export const STATUS_COLOR: Record<CheckSummary['status'], string> = {
  draft: 'gold',
  final: 'green',
  overturned: 'default',
};

/** What counts in the assessment: the revised score after a partly upheld appeal, else the score. */
export const shownScore = (c: Pick<CheckSummary, 'score' | 'revisedScore'>) => c.revisedScore ?? c.score;

/** Every query a check's change can alter. */
export const CHECK_QUERIES = [
  '/quality-checks' as const,
  '/quality-checks/mine' as const,
  '/quality-checks/:id' as const,
];
