export { portalCategories } from './categories.js';
export { customerContext } from './customer-access.js';
export { getCustomerView } from './customer-view.js';
export { ACCESS_TOKEN_LIFETIME_MS, openSession } from './open-session.js';
export { type PortalReceipt, registerFromPortal, titleFromContent } from './register-from-portal.js';
export {
  DEFAULT_PORTAL_SETTINGS,
  type PortalSettings,
  readPortalSettings,
  savePortalSettings,
} from './settings.js';
export { submitSurvey, surveyOpen } from './submit-survey.js';
export { CODE_LIFETIME_MS, CODE_MAX_ATTEMPTS, requestTrackingCode } from './tracking-codes.js';
export { normaliseNumber, trackingDenied } from './tracking-rules.js';
