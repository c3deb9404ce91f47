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

/** Every UI string in zh-CN (the default language); each section lives in sections/. */
export const zh = {
  ...common.zh,
  ...workbench.zh,
  ...complaint.zh,
  ...register.zh,
  ...admin.zh,
  ...portal.zh,
  ...dashboard.zh,
  ...search.zh,
  ...cases.zh,
  ...webhooks.zh,
  ...fulfilment.zh,
  ...security.zh,
  ...audit.zh,
  ...extensions.zh,
  ...playbooks.zh,
  ...quality.zh,
  ...returnVisits.zh,
  ...correctiveActions.zh,
  ...warnings.zh,
  ...assessment.zh,
  ...appeals.zh,
  ...disclosure.zh,
  ...reports.zh,
  ...topics.zh,
  ...analysis.zh,
  ...classifier.zh,
  ...customers.zh,
  terms: terms.zh,
};
export type Messages = { [K in keyof typeof zh]: K extends 'terms' ? typeof terms.zh : string };
