import type { Static } from 'typebox';
import type { Customer } from '../../db/schema.js';
import type { Channel, Priority, Status } from '../../domain/complaint-model.js';
import { asLocale } from '../../i18n/index.js';
import type { ComplaintTotals } from './complaint-totals.js';
import type { Level } from './schemas.js';
import type { CustomerComplaintView, CustomerProfile, CustomerSummary } from './view-schemas.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const isoOf = (ms: number) => new Date(ms).toISOString();
// The database keeps the vocabularies (level, status, priority, channel) as text written from them.

/** One line of the customer list; contacts are already masked. */
export function toCustomerSummary(
  c: Customer,
  contacts: { phones: string[]; emails: string[] },
  totals: ComplaintTotals,
): Static<typeof CustomerSummary> {
  return {
    id: c.id,
    name: c.name,
    level: c.level as Level,
    tags: JSON.parse(c.tags) as string[],
    phones: contacts.phones,
    emails: contacts.emails,
    complaintCount: totals.count,
    lastComplaintAt: iso(totals.lastAt),
    repeatComplainant: c.repeat_complainant === 1,
  };
}

export function toCustomerComplaint(r: {
  number: string;
  status: string;
  priority: string;
  channel: string;
  title: string;
  received_at: number;
  repeat_complaint: number;
  complainant_locale: string | null;
}): CustomerComplaintView {
  return {
    number: r.number,
    status: r.status as Status,
    priority: r.priority as Priority,
    channel: r.channel as Channel,
    title: r.title,
    receivedAt: isoOf(r.received_at),
    repeat: r.repeat_complaint === 1,
    locale: asLocale(r.complainant_locale),
  };
}

export interface ProfileParts {
  /** Each contact opened and masked unless revealed, with the id that removes it. */
  contacts: { phones: Array<{ id: number; value: string }>; emails: Array<{ id: number; value: string }> };
  addresses: string[];
  revealed: boolean;
  mayReveal: boolean;
  counts: { total: number; open: number; repeat: number };
  lastComplaintAt: number | null;
  complaints: { items: CustomerComplaintView[]; nextCursor: string | null };
}

/** The customer page: profile, contacts as the actor may see them, counts and the latest complaints. */
export function toCustomerProfile(c: Customer, p: ProfileParts): Static<typeof CustomerProfile> {
  return {
    id: c.id,
    name: c.name,
    level: c.level as Level,
    tags: JSON.parse(c.tags) as string[],
    note: c.note,
    phones: p.contacts.phones,
    emails: p.contacts.emails,
    addresses: p.addresses,
    revealed: p.revealed,
    mayReveal: p.mayReveal,
    repeatComplainant: c.repeat_complainant === 1,
    complaintCount: p.counts.total,
    lastComplaintAt: iso(p.lastComplaintAt),
    counts: p.counts,
    complaints: p.complaints,
    createdAt: isoOf(c.created_at),
    updatedAt: isoOf(c.updated_at),
  };
}
