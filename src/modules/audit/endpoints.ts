import { endpoint, problems } from '../../server/endpoint.js';
import { NumberParams } from '../complaints/endpoints.js';
import { VerificationIdParams, VerificationList, VerificationView } from './schemas.js';

const tags = ['audit'];
const access = ['auditor', 'admin'] as const;

export const auditEndpoints = {
  startVerification: endpoint('POST', '/audit/verifications', {
    operationId: 'startVerification',
    access,
    tags,
    summary: '历史核验 verify the whole hash-chained history as a job; poll its state (auditor, admin)',
    response: { 202: VerificationView, ...problems(401, 403) },
  }),
  listVerifications: endpoint('GET', '/audit/verifications', {
    operationId: 'listVerifications',
    access,
    tags,
    summary: '历史核验 the latest verifications, newest first (auditor, admin)',
    response: { 200: VerificationList, ...problems(401, 403) },
  }),
  getVerification: endpoint('GET', '/audit/verifications/:id', {
    operationId: 'getVerification',
    access,
    tags,
    summary: '历史核验 one verification: state, progress and result (auditor, admin)',
    params: VerificationIdParams,
    response: { 200: VerificationView, ...problems(400, 401, 403, 404) },
  }),
  verifyComplaintHistory: endpoint('POST', '/complaints/:number/history/verifications', {
    operationId: 'verifyComplaintHistory',
    access,
    tags,
    summary: '历史核验 verify one complaint’s history now; the answer carries the result (auditor, admin)',
    params: NumberParams,
    response: { 200: VerificationView, ...problems(400, 401, 403, 404) },
  }),
};
