import type { Customer } from '../../db/schema.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** One line of the customer list; contacts are already masked. */
export function toCustomerSummary(c: Customer, contacts: { phones: string[]; emails: string[] }) {
  return {
    id: c.id,
    name: c.name,
    level: c.level,
    tags: JSON.parse(c.tags) as string[],
    phones: contacts.phones,
    emails: contacts.emails,
    complaintCount: c.complaint_count,
    lastComplaintAt: iso(c.last_complaint_at),
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
}) {
  return {
    number: r.number,
    status: r.status,
    priority: r.priority,
    channel: r.channel,
    title: r.title,
    receivedAt: iso(r.received_at),
    repeat: r.repeat_complaint === 1,
  };
}

export interface ProfileParts {
  /** Each contact opened and masked unless revealed, with the id that removes it. */
  contacts: { phones: Array<{ id: number; value: string }>; emails: Array<{ id: number; value: string }> };
  addresses: string[];
  revealed: boolean;
  counts: { total: number; open: number; repeat: number };
  complaints: { items: ReturnType<typeof toCustomerComplaint>[]; nextCursor: string | null };
}

/** The customer page: profile, contacts as the actor may see them, counts and the latest complaints. */
export function toCustomerProfile(c: Customer, p: ProfileParts) {
  return {
    id: c.id,
    name: c.name,
    level: c.level,
    tags: JSON.parse(c.tags) as string[],
    note: c.note,
    phones: p.contacts.phones,
    emails: p.contacts.emails,
    addresses: p.addresses,
    revealed: p.revealed,
    repeatComplainant: c.repeat_complainant === 1,
    complaintCount: c.complaint_count,
    lastComplaintAt: iso(c.last_complaint_at),
    counts: p.counts,
    complaints: p.complaints,
    createdAt: iso(c.created_at),
    updatedAt: iso(c.updated_at),
  };
}
