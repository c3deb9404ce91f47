/** The portal's view of the contract: names for the answers it shows, all taken from the server's schemas. */
import type { CallOutput, EndpointAt } from '../api/call';

export type CustomerView = CallOutput<EndpointAt<'GET', '/portal/complaints/:number'>>;
export type CustomerReply = CustomerView['replies'][number];
export type PortalCategory = CallOutput<EndpointAt<'GET', '/portal/categories'>>['items'][number];
/** The acknowledgment of a registered web complaint (not the 202 of one received but not registered). */
export type Registered = Extract<CallOutput<EndpointAt<'POST', '/portal/complaints'>>, { number: string }>;

/** Whose complaint the page shows, and the proof that opens it. */
export interface Owner {
  number: string;
  proof: string;
}
