/** The vocabularies of the complaint record (DOMAIN.md). Stored as these codes; the UI translates them. */

export const STATUSES = [
  'received',
  'accepted',
  'assigned',
  'investigating',
  'waiting_customer',
  'proposed',
  'approved',
  'replied',
  'resolved',
  'invalid',
  'merged',
  'withdrawn',
  'closed',
] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses in which the complaint still needs work. */
export const OPEN_STATUSES: readonly Status[] = [
  'received',
  'accepted',
  'assigned',
  'investigating',
  'waiting_customer',
  'proposed',
  'approved',
  'replied',
];

export const CHANNELS = [
  'phone',
  'sms',
  'email',
  'web',
  'app',
  'wechat',
  'social',
  'onsite',
  'letter',
  'regulator',
  'consumer_association',
  'media',
  'other',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Channels by which a complaint arrives as another body's referral; they carry its number and deadline. */
export const REFERRAL_CHANNELS: readonly string[] = ['regulator', 'consumer_association'];

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const GRADES = ['general', 'major'] as const;
export type Grade = (typeof GRADES)[number];

/** DOMAIN.md's reasons that make a complaint major (重大客诉). */
export const MAJOR_REASONS = [
  'injury',
  'property_loss',
  'valuables_lost',
  'media_referral',
  'government_referral',
  'association_referral',
  'malicious_claim',
  'mass_food_poisoning',
  'court_summons',
  'safety_hazard',
] as const;

/**
 * A complaint referred by an authority, a consumer association or the media is major by default
 * (the retail procedure, DOMAIN.md "major by default"), with this reason; a manager may clear it.
 */
export const REFERRAL_MAJOR_REASONS: Readonly<Record<string, (typeof MAJOR_REASONS)[number]>> = {
  regulator: 'government_referral',
  consumer_association: 'association_referral',
  media: 'media_referral',
};

export const CONTACT_CHANNELS = ['phone', 'sms', 'email', 'wechat', 'letter'] as const;

export const DEMANDS = [
  'apology',
  'explanation',
  'refund',
  'replacement',
  'repair',
  'reship',
  'compensation',
  'other',
] as const;

export const REMEDY_KINDS = [
  'explanation',
  'apology',
  'refund',
  'replacement',
  'repair',
  'reship',
  'compensation',
  'gift',
  'coupon',
] as const;

export const INTERNAL_ACTIONS = ['training', 'discipline', 'process_change'] as const;

export const LIABLE_PARTIES = ['company', 'customer', 'third_party', 'none'] as const;
export const LIABILITY_DEGREES = ['full', 'primary', 'secondary', 'none'] as const;
export const VALIDITIES = ['valid', 'invalid'] as const;
export const VALID_KINDS = ['major', 'service_conduct', 'business_error', 'minor_slip'] as const;
export type ValidKind = (typeof VALID_KINDS)[number];
export const INVALID_REASONS = [
  'unreasonable_demand',
  'harassment',
  'untrue_information',
  'system_fault',
  'knowledge_base_error',
  'branch_error',
  'recording_unavailable',
  'other',
  /** Set by an appeal that overturned a valid-complaint judgement. */
  'appeal_overturned',
] as const;

/** How one complaint may be linked to another. */
export const LINK_KINDS = ['duplicate_of', 'repeat_of', 'referral_of', 'related', 'follow_up_of'] as const;

export const REPLY_METHODS = ['portal', 'email', 'letter', 'phone', 'sms', 'wechat'] as const;
export const CONFIRMATIONS = ['satisfied', 'unsatisfied'] as const;

/** Every action on an existing complaint. Registration (and first-contact resolution) create one. */
export const ACTIONS = [
  'update',
  'accept',
  'assign',
  'transfer',
  'start',
  'request_info',
  'resume',
  'judge',
  'assess',
  'propose',
  'approve',
  'reject',
  'reply',
  'confirm',
  'reopen',
  'escalate',
  'merge',
  'withdraw',
  'invalidate',
  'archive',
  'watch',
  'contact',
  'fulfil',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Raise a priority by `steps` towards P1. */
export function raisePriority(p: Priority, steps = 1): Priority {
  const i = Math.max(0, PRIORITIES.indexOf(p) - steps);
  return PRIORITIES[i] ?? 'P1';
}

/** The higher (more urgent) of two priorities. */
export const higherPriority = (a: Priority, b: Priority): Priority =>
  PRIORITIES.indexOf(a) <= PRIORITIES.indexOf(b) ? a : b;
