import { ROLES } from '../../domain/roles.js';
import { endpoint, problems } from '../../server/endpoint.js';
import { InboxPage, InboxParams, InboxQuery, MarkedRead } from './inbox-schemas.js';

const tags = ['inbox'];

export const inboxEndpoints = {
  list: endpoint('GET', '/inbox', {
    operationId: 'listInbox',
    access: ROLES,
    tags,
    summary: '站内信 my notices, newest first, with the unread count',
    querystring: InboxQuery,
    response: { 200: InboxPage, ...problems(400, 401) },
  }),
  read: endpoint('POST', '/inbox/:id/read', {
    operationId: 'markNoticeRead',
    access: ROLES,
    tags,
    summary: '已读 mark one of my notices read',
    params: InboxParams,
    response: { 200: MarkedRead, ...problems(400, 401) },
  }),
  readAll: endpoint('POST', '/inbox/read-all', {
    operationId: 'markAllNoticesRead',
    access: ROLES,
    tags,
    summary: '全部已读 mark all my notices read',
    response: { 200: MarkedRead, ...problems(401) },
  }),
};
