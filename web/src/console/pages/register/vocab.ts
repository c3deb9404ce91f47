/** The API's vocabularies the form offers (src/modules/complaints/model.ts). */
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
export const REFERRAL_CHANNELS: readonly string[] = ['regulator', 'consumer_association'];
export const CONTACT_CHANNELS = ['phone', 'sms', 'email', 'wechat', 'letter'] as const;
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
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
export const MAJOR_REASONS = [
  'injury',
  'property_loss',
  'valuables_lost',
  'media_referral',
  'government_referral',
  'malicious_claim',
  'mass_food_poisoning',
  'court_summons',
  'safety_hazard',
] as const;
export const REPLY_METHODS = ['portal', 'email', 'letter', 'phone', 'sms', 'wechat'] as const;
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
export const OPEN_STATUSES: readonly string[] = [
  'received',
  'accepted',
  'assigned',
  'investigating',
  'waiting_customer',
  'proposed',
  'approved',
  'replied',
];
/** PHONE_PATTERN of src/lib/contact.ts: a whole mainland mobile, landline or international number. */
const PHONE = /^(\+?86[- ]?)?(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$|^\+[1-9]\d{6,14}$/;
export const isWholePhone = (value: string | undefined): value is string =>
  !!value && PHONE.test(value.trim());

/** Yuan as typed → fen as the API counts. */
export const toFen = (yuan: number | null | undefined) =>
  yuan === null || yuan === undefined ? undefined : Math.round(yuan * 100);

export interface Category {
  id: number;
  parentId: number | null;
  level: number;
  nameZh: string;
  nameEn: string;
  active: boolean;
}

export interface CategoryOption {
  value: number;
  label: string;
  children?: CategoryOption[];
}

/** The flat category list as the Cascader's tree (active categories only). */
export function categoryTree(items: Category[], en: boolean): CategoryOption[] {
  const byParent = new Map<number | null, Category[]>();
  for (const c of items) {
    if (!c.active) continue;
    const siblings = byParent.get(c.parentId) ?? [];
    siblings.push(c);
    byParent.set(c.parentId, siblings);
  }
  const build = (parent: number | null): CategoryOption[] =>
    (byParent.get(parent) ?? []).map((c) => {
      const children = build(c.id);
      return { value: c.id, label: en ? c.nameEn : c.nameZh, ...(children.length ? { children } : {}) };
    });
  return build(null);
}

export interface CustomerProfile {
  id: number;
  name: string;
  level: string;
  repeatComplainant: boolean;
  complaintCount: number;
  counts: { total: number; open: number; repeat: number };
  complaints: { items: Array<{ number: string; status: string; title: string; receivedAt: string }> };
}

export interface Registered {
  number: string;
  status: string;
  priority: string;
  grade: string;
  repeat?: boolean;
  possibleDuplicates?: Array<{ number: string; status: string; receivedAt: string; reasons: string[] }>;
}
