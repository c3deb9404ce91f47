/** Reports (报表): periodic and on-demand reports as xlsx and PDF, their list, downloads and recipients. */
import { ROLES } from '../../domain/roles.js';
import { answerIn, Binary, endpoint, NoContent, problems } from '../../server/endpoint.js';
import * as s from './schemas.js';

const tags = ['reports'];
const ADMIN = ['admin'] as const;
const scope =
  'Executives, auditors and admins see every report; everyone else the reports of their unit’s subtree.';

export const reportEndpoints = {
  list: endpoint('GET', '/reports', {
    operationId: 'listReports',
    access: ROLES,
    tags,
    summary: '报表列表 periodic and on-demand reports, newest first',
    description: scope,
    querystring: s.ReportListQuery,
    response: { 200: s.ReportList, ...problems(400, 401, 403) },
  }),
  request: endpoint('POST', '/reports', {
    operationId: 'requestReport',
    access: ROLES,
    tags,
    summary: '生成报表 a report of any period and unit subtree you may see, made by a job',
    description: '202 with the report’s id; it is listed as queued until the job has made the files.',
    body: s.ReportRequest,
    response: { 202: s.ReportAccepted, ...problems(400, 401, 403, 404) },
  }),
  download: endpoint('GET', '/reports/:id/:format', {
    operationId: 'downloadReport',
    access: ROLES,
    tags,
    summary: '下载报表 the PDF or the workbook of a ready report',
    description: `${scope} 404 for a report outside them; 409 while it is not ready.`,
    params: s.ReportFileParams,
    response: {
      200: answerIn('the report file', {
        'application/pdf': Binary,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': Binary,
      }),
      ...problems(400, 401, 403, 404, 409),
    },
  }),
  recipients: endpoint('GET', '/reports/recipients', {
    operationId: 'getReportRecipients',
    access: ADMIN,
    tags,
    summary: '报表接收人 who receives each unit’s periodic reports by e-mail',
    response: { 200: s.Recipients, ...problems(401, 403) },
  }),
  setRecipients: endpoint('PUT', '/reports/recipients', {
    operationId: 'setReportRecipients',
    access: ADMIN,
    tags,
    summary:
      '设置报表接收人 replace the list: per unit, users (by their e-mail) or extra addresses, each in a language',
    body: s.Recipients,
    response: { 204: NoContent, ...problems(400, 401, 403) },
  }),
};
