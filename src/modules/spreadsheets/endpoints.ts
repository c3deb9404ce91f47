/** Spreadsheets (导入导出): the import template, importing complaints from a file, exporting a list. */

import { ROLES } from '../../domain/roles.js';
import { answerIn, Binary, endpoint, problems } from '../../server/endpoint.js';
import { ExportQuery, ImportQuery, ImportReportSchema } from './schemas.js';

const tags = ['spreadsheets'];
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const spreadsheetEndpoints = {
  template: endpoint('GET', '/spreadsheets/complaint-template.xlsx', {
    operationId: 'getImportTemplate',
    access: ROLES,
    tags,
    summary: '导入模板 the xlsx template for importing complaints',
    response: { 200: answerIn('the template workbook', { [XLSX]: Binary }), ...problems(401) },
  }),
  importComplaints: endpoint('POST', '/spreadsheets/imports', {
    operationId: 'importComplaints',
    access: ['agent', 'supervisor', 'manager'],
    tags,
    summary: '批量导入 import complaints from an .xlsx or .csv file (multipart field `file`)',
    description:
      'Every row is validated and each valid one registered (its own transaction); the answer reports every row: imported with its number, skipped because its external reference was imported before, or failed with the problems of each field. The file type is decided by its content: an xlsx workbook or UTF-8 CSV (415 otherwise); at most 20 MiB (413).',
    consumes: ['multipart/form-data'],
    querystring: ImportQuery,
    response: {
      200: answerIn('the report, as JSON or (format=xlsx) as a workbook', {
        'application/json': ImportReportSchema,
        [XLSX]: Binary,
      }),
      ...problems(400, 401, 403, 413, 415),
    },
  }),
  exportComplaints: endpoint('GET', '/spreadsheets/complaints.xlsx', {
    operationId: 'exportComplaints',
    access: ROLES,
    tags,
    summary: '导出 every complaint of a filtered list as xlsx (streamed)',
    description:
      'The filters and sort of `GET /complaints`, without paging: every matching complaint the caller may see. Phone numbers are masked.',
    querystring: ExportQuery,
    response: { 200: answerIn('the complaints workbook', { [XLSX]: Binary }), ...problems(400, 401) },
  }),
};
