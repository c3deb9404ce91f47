import { ROLES } from '../../domain/roles.js';
import { endpoint, problems } from '../../server/endpoint.js';
import { NumberParams } from '../complaints/endpoints.js';
import { ComplaintDetail } from '../complaints/view-schemas.js';
import { CaseBody, CasesPage, CasesQuery, OfferedScripts } from './schemas.js';

const tags = ['cases'];

export const caseEndpoints = {
  markCase: endpoint('PUT', '/complaints/:number/case', {
    operationId: 'markCase',
    access: ['supervisor', 'manager', 'executive', 'admin'],
    tags,
    summary: '设为案例 / 编辑案例 mark as a case of the library, or update it',
    params: NumberParams,
    body: CaseBody,
    response: { 200: ComplaintDetail, ...problems(400, 401, 403, 404, 409) },
  }),
  unmarkCase: endpoint('DELETE', '/complaints/:number/case', {
    operationId: 'unmarkCase',
    access: ['supervisor', 'manager', 'executive', 'admin'],
    tags,
    summary: '取消案例 remove from the case library',
    params: NumberParams,
    response: { 200: ComplaintDetail, ...problems(401, 403, 404, 409) },
  }),
  offeredScripts: endpoint('GET', '/complaints/:number/scripts', {
    operationId: 'listOfferedScripts',
    access: ROLES,
    tags,
    summary: '话术 canned replies offered for this complaint',
    description: 'Same category branch first, then shared words.',
    params: NumberParams,
    response: { 200: OfferedScripts, ...problems(401, 404) },
  }),
  listCases: endpoint('GET', '/cases', {
    operationId: 'listCases',
    access: ROLES,
    tags,
    summary: '案例库 the case library',
    querystring: CasesQuery,
    response: { 200: CasesPage, ...problems(400, 401) },
  }),
};
