/**
 * Every endpoint of the API as one type: the console and the portal take their request and answer
 * types from here (web/src/api/client.ts). A module's endpoints join by adding a line below.
 */
import type { caseEndpoints } from '../modules/cases/endpoints.js';
import type { complaintEndpoints } from '../modules/complaints/endpoints.js';
import type { evidenceEndpoints } from '../modules/evidence/endpoints.js';
import type { messageEndpoints } from '../modules/messages/endpoints.js';
import type { searchEndpoints } from '../modules/search/endpoints.js';
import type { EndpointsOf } from './endpoint.js';

export type ApiEndpoint =
  | EndpointsOf<typeof caseEndpoints>
  | EndpointsOf<typeof complaintEndpoints>
  | EndpointsOf<typeof evidenceEndpoints>
  | EndpointsOf<typeof messageEndpoints>
  | EndpointsOf<typeof searchEndpoints>;
