import { ROLES } from '../../domain/roles.js';
import { endpoint, problems } from '../../server/endpoint.js';
import { SuggestBody, Suggestion } from './schemas.js';

export const suggestEndpoints = {
  suggest: endpoint('POST', '/classification/suggest', {
    operationId: 'suggestClassification',
    access: ROLES,
    tags: ['classification'],
    summary: '分类建议 category, priority and grade proposed for a complaint text',
    body: SuggestBody,
    response: { 200: Suggestion, ...problems(400, 401) },
  }),
};
