import { Type } from 'typebox';
import { endpoint, problems } from '../../server/endpoint.js';
import { NumberParams } from '../complaints/endpoints.js';
import { ComplaintDetail } from '../complaints/view-schemas.js';

export const MessageBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 5000 }) },
  { additionalProperties: false },
);

export const messageEndpoints = {
  addMessage: endpoint('POST', '/complaints/:number/messages', {
    operationId: 'addComplaintMessage',
    access: ['agent', 'handler', 'supervisor', 'manager'],
    summary: '留言 write to the customer (they are told by their preferred channel)',
    tags: ['complaints'],
    params: NumberParams,
    body: MessageBody,
    response: { 201: ComplaintDetail, ...problems(400, 401, 403, 404, 409) },
  }),
};
