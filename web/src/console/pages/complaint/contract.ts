// The complaint page's view types, each taken from the API contract (src/modules/*/endpoints.ts).
import type { CallOutput, EndpointAt } from '../../../api/call';

export type ComplaintDetail = CallOutput<EndpointAt<'GET', '/complaints/:number'>>;
export type Person = NonNullable<ComplaintDetail['assignee']>;
export type EvidenceItem = ComplaintDetail['evidence'][number];
export type CaseRecord = NonNullable<ComplaintDetail['case']>;
export type Script = CaseRecord['scripts'][number];
export type AllowedAction = ComplaintDetail['allowedActions'][number];
export type TimelineEvent = CallOutput<EndpointAt<'GET', '/complaints/:number/timeline'>>['items'][number];
export type SimilarAnswer = CallOutput<EndpointAt<'GET', '/complaints/:number/similar'>>;
export type SimilarComplaint = SimilarAnswer['items'][number];
export type RecommendedRemedy = NonNullable<SimilarAnswer['recommendedRemedy']>;
export type ChecklistStep = CallOutput<EndpointAt<'GET', '/complaints/:number/checklist'>>['items'][number];
export type OfferedScript = CallOutput<EndpointAt<'GET', '/complaints/:number/scripts'>>['items'][number];

/** The action that marks, edits or removes a case; not a step of the complaint's life. */
export const CURATE_CASE = 'curate_case';

/** Every read a change to the complaint may alter: refetched after each action. */
export const COMPLAINT_READS = [
  '/complaints/:number',
  '/complaints/:number/timeline',
  '/complaints/:number/checklist',
  '/complaints/:number/similar',
  '/cases',
  '/complaints',
  '/complaints/mine',
  '/approvals',
  '/fulfilments',
  '/dashboard',
] as const;
