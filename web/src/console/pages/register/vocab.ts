import type { CallOutput, EndpointAt } from '../../../api/call';
import { PHONE_PATTERN } from '../../../api/vocabularies';

/** The API's vocabularies the form offers. */
export {
  CHANNELS,
  CONTACT_CHANNELS,
  DEMANDS,
  MAJOR_REASONS,
  OPEN_STATUSES,
  PRIORITIES,
  REFERRAL_CHANNELS,
  REFERRAL_MAJOR_REASONS,
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

/** A customer's profile, as GET /customers/:id answers. */
export type CustomerProfile = CallOutput<EndpointAt<'GET', '/customers/:id'>>;

/** What POST /complaints answers. */
export type Registered = CallOutput<EndpointAt<'POST', '/complaints'>>;
