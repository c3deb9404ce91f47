import type { WebhookEventKind } from './schemas.js';

/** The history event kinds (complaint stream) behind each webhook event kind, besides status changes. */
const FROM_HISTORY: Record<string, WebhookEventKind> = {
  registered: 'complaint.registered',
  accepted: 'complaint.accepted',
  assigned: 'complaint.assigned',
  transferred: 'complaint.assigned',
  replied: 'complaint.replied',
  resolved_on_first_contact: 'complaint.replied',
  archived: 'complaint.closed',
  closed_unreachable: 'complaint.closed',
  withdrawn: 'complaint.closed',
  invalidated: 'complaint.closed',
  merged: 'complaint.closed',
  reopened: 'complaint.reopened',
  escalated: 'complaint.escalated',
  customer_message: 'complaint.message_received',
  survey_submitted: 'complaint.survey_answered',
};

/** A status change as the history records it (`data.changes.status`), or null. */
export function statusChange(data: unknown): { from: string; to: string } | null {
  const change = (data as { changes?: { status?: { from?: unknown; to?: unknown } } } | null)?.changes
    ?.status;
  return typeof change?.from === 'string' && typeof change.to === 'string'
    ? { from: change.from, to: change.to }
    : null;
}

/**
 * The webhook event kinds a complaint history event belongs to, most specific first: `accepted`
 * is both `complaint.accepted` and `complaint.status_changed`.
 */
export function webhookKindsOf(historyKind: string, data: unknown): WebhookEventKind[] {
  const kinds: WebhookEventKind[] = [];
  const own = FROM_HISTORY[historyKind];
  if (own) kinds.push(own);
  if (statusChange(data)) kinds.push('complaint.status_changed');
  return kinds;
}

/** The kind a subscription hears an event as: the first of the event's kinds it subscribed to. */
export function kindFor(subscribed: readonly string[], eventKinds: readonly WebhookEventKind[]) {
  return eventKinds.find((k) => subscribed.includes(k)) ?? null;
}
