import type { CallOutput, EndpointAt } from '../../../api/call';

export type WarningSummary = CallOutput<EndpointAt<'GET', '/warnings'>>['items'][number];
export type WarningView = CallOutput<EndpointAt<'GET', '/warnings/:id'>>;

export const KINDS = [
  'spike',
  'repeat_customer',
  'repeat_waybill',
  'repeat_person',
  'repeat_station',
  'escalation_risk',
  'dissatisfied',
  'near_breach',
  'topic',
] as const;
export const STATUSES = ['open', 'acknowledged', 'resolved'] as const;

export const STATUS_COLOR: Record<string, string> = {
  open: 'red',
  acknowledged: 'orange',
  resolved: 'default',
};
export const KIND_COLOR: Record<string, string> = {
  spike: 'magenta',
  escalation_risk: 'volcano',
  dissatisfied: 'orange',
  near_breach: 'gold',
  topic: 'purple',
};

/** Every URL template that shows a warning: refetched after any change. */
export const WARNING_READS = ['/warnings', '/warnings/:id', '/corrective-actions'] as const;
