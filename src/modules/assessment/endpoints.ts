/** Assessment (考核): sheets per person and unit, closed periods, volumes and scoring rules. */
import { Type } from 'typebox';
import { ROLES } from '../../domain/roles.js';
import { PERIOD_PATTERN } from '../../lib/periods.js';
import { answerIn, Binary, endpoint, Id, NoContent, problems } from '../../server/endpoint.js';
import {
  ClosedPeriodSchema,
  PeriodQuery,
  PersonSheetSchema,
  RulesSchema,
  UnitSheetSchema,
  VolumesBody,
  VolumesQuery,
  VolumeViewSchema,
} from './schemas.js';

const tags = ['assessment'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PeriodParams = Type.Object({ period: Type.String({ pattern: PERIOD_PATTERN }) });
const Written = Type.Object({ written: Type.Integer() });

export const assessmentEndpoints = {
  mySheet: endpoint('GET', '/assessment/me', {
    operationId: 'getMyAssessment',
    access: ROLES,
    tags,
    summary: '我的考核 the caller’s own sheet for a month (or a range of months)',
    querystring: PeriodQuery,
    response: { 200: PersonSheetSchema, ...problems(400, 401) },
  }),
  personSheet: endpoint('GET', '/assessment/people/:userId', {
    operationId: 'getPersonAssessment',
    access: ROLES,
    tags,
    summary: '个人考核 a person’s sheet: as responsible and as handler, with the score and its lines',
    description:
      'Each person sees their own; supervisors and managers their unit subtree’s people; executives, auditors and admins everyone (403 otherwise). A closed month shows the sheet stored when it was closed.',
    params: Type.Object({ userId: Id() }),
    querystring: PeriodQuery,
    response: { 200: PersonSheetSchema, ...problems(400, 401, 403, 404) },
  }),
  personSheetXlsx: endpoint('GET', '/assessment/people/:userId/sheet.xlsx', {
    operationId: 'exportPersonAssessment',
    access: ROLES,
    tags,
    summary: '导出个人考核 a person’s sheet as xlsx',
    params: Type.Object({ userId: Id() }),
    querystring: PeriodQuery,
    response: { 200: answerIn('the sheet workbook', { [XLSX]: Binary }), ...problems(400, 401, 403, 404) },
  }),
  unitSheet: endpoint('GET', '/assessment/units/:unitId', {
    operationId: 'getUnitAssessment',
    access: ['supervisor', 'manager', 'executive', 'auditor', 'admin'],
    tags,
    summary: '单位考核 a unit subtree’s figures, its volume and valid rate per 10,000, and its people',
    params: Type.Object({ unitId: Id() }),
    querystring: PeriodQuery,
    response: { 200: UnitSheetSchema, ...problems(400, 401, 403, 404) },
  }),
  unitSheetXlsx: endpoint('GET', '/assessment/units/:unitId/sheet.xlsx', {
    operationId: 'exportUnitAssessment',
    access: ['supervisor', 'manager', 'executive', 'auditor', 'admin'],
    tags,
    summary: '导出单位考核 a unit’s people and their figures as xlsx',
    params: Type.Object({ unitId: Id() }),
    querystring: PeriodQuery,
    response: { 200: answerIn('the sheet workbook', { [XLSX]: Binary }), ...problems(400, 401, 403, 404) },
  }),
  listPeriods: endpoint('GET', '/assessment/periods', {
    operationId: 'listClosedAssessmentPeriods',
    access: ROLES,
    tags,
    summary: '已关账期间 the closed months',
    response: { 200: Type.Object({ items: Type.Array(ClosedPeriodSchema) }), ...problems(401) },
  }),
  closePeriod: endpoint('POST', '/assessment/periods/:period/close', {
    operationId: 'closeAssessmentPeriod',
    access: ['manager'],
    tags,
    summary: '关账 close (freeze) a past month: every sheet is stored as it is now',
    params: PeriodParams,
    response: { 200: ClosedPeriodSchema, ...problems(400, 401, 403, 409) },
  }),
  reopenPeriod: endpoint('POST', '/assessment/periods/:period/reopen', {
    operationId: 'reopenAssessmentPeriod',
    access: ['manager'],
    tags,
    summary: '重新开账 reopen a closed month: the live figures show again (recorded)',
    params: PeriodParams,
    response: { 204: NoContent, ...problems(400, 401, 403, 409) },
  }),
  listVolumes: endpoint('GET', '/assessment/volumes', {
    operationId: 'listUnitVolumes',
    access: ['admin'],
    tags,
    summary: '业务量 the loaded monthly volumes (admin)',
    querystring: VolumesQuery,
    response: { 200: Type.Object({ items: Type.Array(VolumeViewSchema) }), ...problems(400, 401, 403) },
  }),
  saveVolumes: endpoint('PUT', '/assessment/volumes', {
    operationId: 'saveUnitVolumes',
    access: ['admin'],
    tags,
    summary: '录入业务量 load volumes by unit and month (replaces); any bad row refuses them all',
    body: VolumesBody,
    response: { 200: Written, ...problems(400, 401, 403) },
  }),
  uploadVolumes: endpoint('POST', '/assessment/volumes/upload', {
    operationId: 'uploadUnitVolumes',
    access: ['admin'],
    tags,
    summary: '导入业务量 load volumes from xlsx or CSV (multipart field `file`): 单位, 月份, 件量, 单量',
    description:
      'The unit is its id or exact name; the first row is the header. Any bad row: 400 with each problem at `/rows/<sheet row>/<column>`, and nothing is written.',
    consumes: ['multipart/form-data'],
    response: { 200: Written, ...problems(400, 401, 403, 413, 415) },
  }),
  getRules: endpoint('GET', '/assessment/rules', {
    operationId: 'getAssessmentRules',
    access: ROLES,
    tags,
    summary: '考核规则 the scoring rules',
    response: { 200: RulesSchema, ...problems(401) },
  }),
  saveRules: endpoint('PUT', '/assessment/rules', {
    operationId: 'saveAssessmentRules',
    access: ['admin'],
    tags,
    summary: '设置考核规则 replace the scoring rules (admin)',
    body: RulesSchema,
    response: { 200: RulesSchema, ...problems(400, 401, 403) },
  }),
};
