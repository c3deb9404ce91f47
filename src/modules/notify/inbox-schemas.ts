import { Type } from 'typebox';
import { Id } from '../../server/endpoint.js';

export const InboxQuery = Type.Object(
  {
    unread: Type.Optional(Type.Boolean({ description: 'only the unread notices' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    before: Type.Optional(Type.Integer({ minimum: 1, description: 'notices older than this id (paging)' })),
  },
  { additionalProperties: false },
);

export const InboxPage = Type.Object({
  unreadCount: Type.Integer({ minimum: 0 }),
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      event: Type.String({ description: 'what happened (a notice event or a reminder kind)' }),
      title: Type.String(),
      body: Type.String(),
      complaintNumber: Type.Union([Type.String(), Type.Null()]),
      createdAt: Type.String({ format: 'date-time' }),
      readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    }),
    { description: 'newest first' },
  ),
});

export const InboxParams = Type.Object({ id: Id() });
export const MarkedRead = Type.Object({
  updated: Type.Integer({ minimum: 0, description: 'how many notices were unread and are read now' }),
});
