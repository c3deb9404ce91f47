import type { CallOutput, EndpointAt } from '../../../api/call';
import { PHONE_PATTERN } from '../../../api/vocabularies';
import type { Suggestion } from './classification';

/** The API's vocabularies the form offers. */
export {
  CHANNELS,
  CONTACT_CHANNELS,
  DEMANDS,
  MAJOR_REASONS,
  OPEN_STATUSES,
  PRIORITIES,
  REFERRAL_CHANNELS,
  REMEDY_KINDS,
  REPLY_METHODS,
} from '../../../api/vocabularies';

/** A whole mainland mobile, landline or international number, as the API accepts it. */
const PHONE = new RegExp(PHONE_PATTERN);
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

/** A customer's profile, as GET /customers/:id answers. */
export type CustomerProfile = CallOutput<EndpointAt<'GET', '/customers/:id'>>;

/** What POST /complaints answers. */
export type Registered = CallOutput<EndpointAt<'POST', '/complaints'>>;
