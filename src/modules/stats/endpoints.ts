/** Statistics (统计): figures of a period and scope from the rollups, and any of their tables as xlsx. */
import { ROLES } from '../../domain/roles.js';
import { answerIn, Binary, endpoint, problems } from '../../server/endpoint.js';
import { ExportQuery, FiguresSchema, StatsQuery } from './schemas.js';

const tags = ['stats'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const description =
  'Counts complaints by local day of receipt and handling unit, from rollups kept by a job that follows the history (seconds behind). ' +
  'Executives, auditors and admins see any unit or the whole organisation; everyone else their unit’s subtree (403 otherwise). ' +
  'Each bucket carries the complaint-list filters (GET /complaints) that list what it counts, where such filters exist.';

export const statsEndpoints = {
  figures: endpoint('GET', '/stats', {
    operationId: 'getStatistics',
    access: ROLES,
    tags,
    summary: '统计分析 figures of a period with 环比 and 同比',
    description,
    querystring: StatsQuery,
    response: { 200: FiguresSchema, ...problems(400, 401, 403, 404) },
  }),
  exportTable: endpoint('GET', '/stats/table.xlsx', {
    operationId: 'exportStatistics',
    access: ROLES,
    tags,
    summary: '导出统计表 one table of the figures as xlsx',
    querystring: ExportQuery,
    response: {
      200: answerIn('the table as a workbook', { [XLSX]: Binary }),
      ...problems(400, 401, 403, 404),
    },
  }),
};
