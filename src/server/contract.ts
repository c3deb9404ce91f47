/**
 * Every endpoint of the API as one type: the console and the portal take their request and answer
 * types from here (web/src/api/client.ts). A module's endpoints join by adding a line below.
 */
import type { caseEndpoints } from '../modules/cases/endpoints.js';
import type { portalEndpoints } from '../modules/portal/endpoints.js';
import type { spreadsheetEndpoints } from '../modules/spreadsheets/endpoints.js';
import type { EndpointsOf } from './endpoint.js';

export type ApiEndpoint =
  | EndpointsOf<typeof caseEndpoints>
  | EndpointsOf<typeof portalEndpoints>
  | EndpointsOf<typeof spreadsheetEndpoints>;
