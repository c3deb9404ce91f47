/**
 * Every endpoint of the API as one type: the console and the portal take their request and answer
 * types from here (web/src/api/client.ts). A module's endpoints join by adding a line below.
 */
import type { caseEndpoints } from '../modules/cases/endpoints.js';
import type { queueEndpoints } from '../modules/complaints/queue-endpoints.js';
import type { EndpointsOf } from './endpoint.js';

export type ApiEndpoint = EndpointsOf<typeof caseEndpoints> | EndpointsOf<typeof queueEndpoints>;
