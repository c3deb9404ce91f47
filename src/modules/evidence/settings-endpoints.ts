import { endpoint, problems } from '../../server/endpoint.js';
import { EvidenceSettingsSchema } from './settings-schemas.js';

const tags = ['settings'];

export const evidenceSettingsEndpoints = {
  getEvidenceSettings: endpoint('GET', '/settings/evidence', {
    operationId: 'getEvidenceSettings',
    access: ['admin'],
    tags,
    summary: '证据 the largest file accepted as evidence (admin)',
    response: { 200: EvidenceSettingsSchema, ...problems(401, 403) },
  }),
  saveEvidenceSettings: endpoint('PUT', '/settings/evidence', {
    operationId: 'saveEvidenceSettings',
    access: ['admin'],
    tags,
    summary: '证据 change the largest file accepted as evidence, in bytes (admin)',
    body: EvidenceSettingsSchema,
    response: { 200: EvidenceSettingsSchema, ...problems(400, 401, 403) },
  }),
};
