/** Registration and the complaint lists (工作台, 我的待办) as the contract declares them. */
import { Type } from 'typebox';
import { ROLES } from '../../domain/roles.js';
import { endpoint, problems } from '../../server/endpoint.js';
import { ComplaintPage, ListQuery } from './list-schemas.js';
import { RegisterBody, RegisteredResponse } from './schemas.js';

const tags = ['complaints'];

export const queueEndpoints = {
  registerComplaint: endpoint('POST', '/complaints', {
    operationId: 'registerComplaint',
    access: ['agent', 'supervisor', 'manager'],
    tags,
    summary: '投诉登记 register a complaint',
    description:
      'With `firstContact` the complaint is registered, answered and resolved in one step (当场解决). ' +
      'A repeated `Idempotency-Key` with the same body answers 200 with the first registration.',
    body: RegisterBody,
    headers: Type.Object({
      'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    }),
    response: { 200: RegisteredResponse, 201: RegisteredResponse, ...problems(400, 401, 403, 409) },
  }),
  listComplaints: endpoint('GET', '/complaints', {
    operationId: 'listComplaints',
    access: ROLES,
    tags,
    summary: '工作台 complaints with filters, newest first',
    description: 'Only the complaints the caller may see. `sort=dueAt` puts the most urgent first.',
    querystring: ListQuery,
    response: { 200: ComplaintPage, ...problems(400, 401) },
  }),
  myQueue: endpoint('GET', '/complaints/mine', {
    operationId: 'listMyComplaints',
    access: ROLES,
    tags,
    summary: '我的待办 my queue, most urgent first',
    description:
      'The open complaints assigned to the caller and, for a role that accepts complaints, those waiting ' +
      "in the caller's own unit to be accepted (status `received`). Sorted by `dueAt` unless `sort` says otherwise.",
    querystring: ListQuery,
    response: { 200: ComplaintPage, ...problems(400, 401) },
  }),
};
