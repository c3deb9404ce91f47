import { Type } from 'typebox';
import { endpoint, problems } from '../../server/endpoint.js';
import { CasesPage, CasesQuery, OfferedScripts } from './schemas.js';

const tags = ['cases'];
const NumberParams = Type.Object({ number: Type.String({ maxLength: 32 }) });

export const caseEndpoints = {
  offeredScripts: endpoint('GET', '/complaints/:number/scripts', {
    operationId: 'listOfferedScripts',
    tags,
    summary: '话术 canned replies offered for this complaint',
    description: 'Same category branch first, then shared words.',
    params: NumberParams,
    response: { 200: OfferedScripts, ...problems(401, 404) },
  }),
  listCases: endpoint('GET', '/cases', {
    operationId: 'listCases',
    tags,
    summary: '案例库 the case library',
    querystring: CasesQuery,
    response: { 200: CasesPage, ...problems(400, 401) },
  }),
};
