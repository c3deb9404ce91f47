import { Type } from 'typebox';
import { ROLES } from '../../domain/roles.js';
import { endpoint, Id, problems } from '../../server/endpoint.js';
import { NumberParams } from '../complaints/endpoints.js';
import { EvidenceList } from '../complaints/view-schemas.js';

const tags = ['evidence'];
export const EvidenceParams = Type.Object({
  number: Type.String({ maxLength: 32 }),
  id: Id(),
});

export const evidenceEndpoints = {
  addEvidence: endpoint('POST', '/complaints/:number/evidence', {
    operationId: 'addEvidence',
    access: ['agent', 'handler', 'supervisor', 'manager'],
    summary: '证据 add evidence (multipart: files in `file`, optional `note`)',
    description:
      'The type is decided by the content: photos, PDF, video, call recordings and plain text. A file that is not one of them, or whose name or declared type says otherwise, is refused (415); one above the size limit with 413. Either way nothing of the upload is kept.',
    tags,
    params: NumberParams,
    consumes: ['multipart/form-data'],
    response: { 201: EvidenceList, ...problems(400, 401, 403, 404, 409, 413, 415) },
  }),
  listEvidence: endpoint('GET', '/complaints/:number/evidence', {
    operationId: 'listEvidence',
    access: ROLES,
    summary: '证据 the evidence of a complaint',
    tags,
    params: NumberParams,
    response: { 200: EvidenceList, ...problems(401, 404) },
  }),
  downloadEvidence: endpoint('GET', '/complaints/:number/evidence/:id', {
    operationId: 'downloadEvidence',
    access: ROLES,
    summary: '下载证据 the bytes of one piece of evidence',
    tags,
    params: EvidenceParams,
    produces: ['application/octet-stream'],
    response: {
      200: Type.String({ format: 'binary', description: 'the file, with its own media type' }),
      ...problems(401, 404),
    },
  }),
};
