/** Hot topics (热点): complaints of the last 14 days grouped by their words, found once a day. */
import { ROLES } from '../../domain/roles.js';
import { endpoint, problems } from '../../server/endpoint.js';
import { TopicsQuery, TopicsSchema } from './schemas.js';

export const topicsEndpoints = {
  list: endpoint('GET', '/topics', {
    operationId: 'listTopics',
    access: ROLES,
    tags: ['topics'],
    summary: '热点 the hot topics of the latest daily run',
    description:
      'Topics found by the daily job (`kesu topics run` runs it now): key words, complaints in the last 7 days and the 7 before, ' +
      'a daily trend, units and the newest example complaints. Scoped like the statistics: executives, auditors and admins ' +
      'any unit or the whole organisation, everyone else their unit’s subtree (403 otherwise); a topic is listed when it has ' +
      'complaints in the scope, and only those are examples.',
    querystring: TopicsQuery,
    response: { 200: TopicsSchema, ...problems(400, 401, 403, 404) },
  }),
};
