/**
 * Every endpoint of the API as one type: the console and the portal take their request and answer
 * types from here (web/src/api/client.ts). A module's endpoints join by adding a line below.
 */

import type { appealEndpoints } from '../modules/appeals/endpoints.js';
import type { assessmentEndpoints } from '../modules/assessment/endpoints.js';
import type { auditEndpoints } from '../modules/audit/endpoints.js';
import type { backupEndpoints } from '../modules/backup/endpoints.js';
import type { caseEndpoints } from '../modules/cases/endpoints.js';
import type { categoryEndpoints } from '../modules/categories/endpoints.js';
import type { classifierEndpoints } from '../modules/classifier/endpoints.js';
import type { suggestEndpoints } from '../modules/classifier/suggest-endpoints.js';
import type { complaintEndpoints } from '../modules/complaints/endpoints.js';
import type { queueEndpoints } from '../modules/complaints/queue-endpoints.js';
import type { complaintSettingsEndpoints } from '../modules/complaints/settings-endpoints.js';
import type { correctiveActionEndpoints } from '../modules/corrective-actions/endpoints.js';
import type { customerEndpoints } from '../modules/customers/endpoints.js';
import type { dashboardEndpoints } from '../modules/dashboard/endpoints.js';
import type { disclosureEndpoints, publicDisclosureEndpoints } from '../modules/disclosure/endpoints.js';
import type { dispatchEndpoints } from '../modules/dispatch/endpoints.js';
import type { evidenceEndpoints } from '../modules/evidence/endpoints.js';
import type { evidenceSettingsEndpoints } from '../modules/evidence/settings-endpoints.js';
import type { forecastEndpoints } from '../modules/forecast/endpoints.js';
import type { jobEndpoints } from '../modules/jobs/endpoints.js';
import type { mailEndpoints } from '../modules/mail/endpoints.js';
import type { messageEndpoints } from '../modules/messages/endpoints.js';
import type { notifyEndpoints } from '../modules/notify/endpoints.js';
import type { inboxEndpoints } from '../modules/notify/inbox-endpoints.js';
import type { authEndpoints } from '../modules/org/auth-endpoints.js';
import type { orgEndpoints } from '../modules/org/endpoints.js';
import type { securityEndpoints } from '../modules/org/security-endpoints.js';
import type { partyEndpoints } from '../modules/parties/endpoints.js';
import type { playbookEndpoints } from '../modules/playbooks/endpoints.js';
import type { portalEndpoints } from '../modules/portal/endpoints.js';
import type { portalSettingsEndpoints } from '../modules/portal/settings-endpoints.js';
import type { privacyEndpoints } from '../modules/privacy/endpoints.js';
import type { qualityEndpoints } from '../modules/quality/endpoints.js';
import type { reportEndpoints } from '../modules/reports/endpoints.js';
import type { returnVisitEndpoints } from '../modules/return-visits/endpoints.js';
import type { searchEndpoints } from '../modules/search/endpoints.js';
import type { slaEndpoints } from '../modules/sla/endpoints.js';
import type { extensionEndpoints } from '../modules/sla/extension-endpoints.js';
import type { spreadsheetEndpoints } from '../modules/spreadsheets/endpoints.js';
import type { statsEndpoints } from '../modules/stats/endpoints.js';
import type { topicsEndpoints } from '../modules/topics/endpoints.js';
import type { warningEndpoints } from '../modules/warnings/endpoints.js';
import type { webhookEndpoints } from '../modules/webhooks/endpoints.js';
import type { EndpointsOf } from './endpoint.js';

export type ApiEndpoint =
  | EndpointsOf<typeof caseEndpoints>
  | EndpointsOf<typeof orgEndpoints>
  | EndpointsOf<typeof categoryEndpoints>
  | EndpointsOf<typeof dispatchEndpoints>
  | EndpointsOf<typeof slaEndpoints>
  | EndpointsOf<typeof extensionEndpoints>
  | EndpointsOf<typeof notifyEndpoints>
  | EndpointsOf<typeof jobEndpoints>
  | EndpointsOf<typeof mailEndpoints>
  | EndpointsOf<typeof portalSettingsEndpoints>
  | EndpointsOf<typeof privacyEndpoints>
  | EndpointsOf<typeof classifierEndpoints>
  | EndpointsOf<typeof complaintSettingsEndpoints>
  | EndpointsOf<typeof evidenceSettingsEndpoints>
  | EndpointsOf<typeof complaintEndpoints>
  | EndpointsOf<typeof evidenceEndpoints>
  | EndpointsOf<typeof messageEndpoints>
  | EndpointsOf<typeof searchEndpoints>
  | EndpointsOf<typeof suggestEndpoints>
  | EndpointsOf<typeof queueEndpoints>
  | EndpointsOf<typeof customerEndpoints>
  | EndpointsOf<typeof dashboardEndpoints>
  | EndpointsOf<typeof inboxEndpoints>
  | EndpointsOf<typeof authEndpoints>
  | EndpointsOf<typeof securityEndpoints>
  | EndpointsOf<typeof portalEndpoints>
  | EndpointsOf<typeof spreadsheetEndpoints>
  | EndpointsOf<typeof webhookEndpoints>
  | EndpointsOf<typeof backupEndpoints>
  | EndpointsOf<typeof auditEndpoints>
  | EndpointsOf<typeof playbookEndpoints>
  | EndpointsOf<typeof qualityEndpoints>
  | EndpointsOf<typeof returnVisitEndpoints>
  | EndpointsOf<typeof correctiveActionEndpoints>
  | EndpointsOf<typeof warningEndpoints>
  | EndpointsOf<typeof assessmentEndpoints>
  | EndpointsOf<typeof appealEndpoints>
  | EndpointsOf<typeof partyEndpoints>
  | EndpointsOf<typeof disclosureEndpoints>
  | EndpointsOf<typeof publicDisclosureEndpoints>
  | EndpointsOf<typeof statsEndpoints>
  | EndpointsOf<typeof reportEndpoints>
  | EndpointsOf<typeof topicsEndpoints>
  | EndpointsOf<typeof forecastEndpoints>;
