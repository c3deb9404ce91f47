import * as admin from './sections/admin';
import * as analysis from './sections/analysis';
import * as appeals from './sections/appeals';
import * as assessment from './sections/assessment';
import * as audit from './sections/audit';
import * as cases from './sections/cases';
import * as classifier from './sections/classifier';
import * as common from './sections/common';
import * as complaint from './sections/complaint';
import * as correctiveActions from './sections/corrective-actions';
import * as customers from './sections/customers';
import * as dashboard from './sections/dashboard';
import * as disclosure from './sections/disclosure';
import * as extensions from './sections/extensions';
import * as fulfilment from './sections/fulfilment';
import * as playbooks from './sections/playbooks';
import * as portal from './sections/portal';
import * as quality from './sections/quality';
import * as register from './sections/register';
import * as reports from './sections/reports';
import * as returnVisits from './sections/return-visits';
import * as search from './sections/search';
import * as security from './sections/security';
import * as terms from './sections/terms';
import * as topics from './sections/topics';
import * as warnings from './sections/warnings';
import * as webhooks from './sections/webhooks';
import * as workbench from './sections/workbench';
import type { Messages } from './zh-CN';

export const en: Messages = {
  ...common.en,
  ...workbench.en,
  ...complaint.en,
  ...register.en,
  ...admin.en,
  ...portal.en,
  ...dashboard.en,
  ...search.en,
  ...cases.en,
  ...webhooks.en,
  ...fulfilment.en,
  ...security.en,
  ...audit.en,
  ...extensions.en,
  ...playbooks.en,
  ...quality.en,
  ...returnVisits.en,
  ...correctiveActions.en,
  ...warnings.en,
  ...assessment.en,
  ...appeals.en,
  ...disclosure.en,
  ...reports.en,
  ...topics.en,
  ...analysis.en,
  ...classifier.en,
  ...customers.en,
  terms: terms.en,
};
