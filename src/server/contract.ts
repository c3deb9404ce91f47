/**
 * Every endpoint of the API as one type: the console and the portal take their request and answer
 * types from here (web/src/api/client.ts). A module's endpoints join by adding a line below.
 */
import type { caseEndpoints } from '../modules/cases/endpoints.js';
import type { suggestEndpoints } from '../modules/classifier/suggest-endpoints.js';
import type { queueEndpoints } from '../modules/complaints/queue-endpoints.js';
import type { customerEndpoints } from '../modules/customers/endpoints.js';
import type { dashboardEndpoints } from '../modules/dashboard/endpoints.js';
import type { inboxEndpoints } from '../modules/notify/inbox-endpoints.js';
import type { authEndpoints } from '../modules/org/auth-endpoints.js';
import type { EndpointsOf } from './endpoint.js';

export type ApiEndpoint =
  | EndpointsOf<typeof caseEndpoints>
  | EndpointsOf<typeof queueEndpoints>
  | EndpointsOf<typeof customerEndpoints>
  | EndpointsOf<typeof dashboardEndpoints>
  | EndpointsOf<typeof suggestEndpoints>
  | EndpointsOf<typeof authEndpoints>
  | EndpointsOf<typeof inboxEndpoints>;
