import type { CallOutput, EndpointAt } from '../../../api/call';

export type Disclosure = CallOutput<EndpointAt<'GET', '/disclosures/:month'>>;
export type FigureName = Disclosure['chosen'][number];
export const FIGURES: FigureName[] = [
  'received',
  'byCategory1',
  'byCategory2',
  'resolutionRate',
  'onTimeRate',
  'validShare',
  'satisfaction',
];
export const TEXT_FIELDS = ['category', 'cause', 'result', 'measures'] as const;
