import { endpoint, problems } from '../../server/endpoint.js';
import { History } from '../audit/schemas.js';
import { RevealQuery } from '../privacy/reveal-schemas.js';
import {
  CreateCustomerBody,
  CustomerComplaintsQuery,
  CustomerListQuery,
  CustomerParams,
  UpdateCustomerBody,
} from './schemas.js';
import { CustomerComplaintPage, CustomerPage, CustomerProfile } from './view-schemas.js';

const tags = ['customers'];
const REVEAL =
  'Phones, e-mails and addresses are masked; `reveal=true` shows them to a role with the personal-data ' +
  "permission and records the view in the customer's history.";

export const customerEndpoints = {
  list: endpoint('GET', '/customers', {
    operationId: 'listCustomers',
    access: ['agent', 'handler', 'supervisor', 'manager', 'executive', 'auditor'],
    tags,
    summary: '客户 customers by name prefix, or by a whole phone number or e-mail address',
    querystring: CustomerListQuery,
    response: { 200: CustomerPage, ...problems(400, 401, 403) },
  }),
  create: endpoint('POST', '/customers', {
    operationId: 'createCustomer',
    access: ['agent', 'supervisor', 'manager'],
    tags,
    summary: '新建客户 create a customer profile',
    description: 'A phone number or e-mail address another customer already has is refused (409).',
    body: CreateCustomerBody,
    response: { 201: CustomerProfile, ...problems(400, 401, 403, 409) },
  }),
  get: endpoint('GET', '/customers/:id', {
    operationId: 'getCustomer',
    access: ['agent', 'handler', 'supervisor', 'manager', 'executive', 'auditor'],
    tags,
    summary: '客户档案 a customer profile',
    description: REVEAL,
    params: CustomerParams,
    querystring: RevealQuery,
    response: { 200: CustomerProfile, ...problems(400, 401, 403, 404) },
  }),
  update: endpoint('PATCH', '/customers/:id', {
    operationId: 'updateCustomer',
    access: ['agent', 'supervisor', 'manager'],
    tags,
    summary: '编辑客户 change a customer profile',
    params: CustomerParams,
    body: UpdateCustomerBody,
    response: { 200: CustomerProfile, ...problems(400, 401, 403, 404, 409) },
  }),
  complaints: endpoint('GET', '/customers/:id/complaints', {
    operationId: 'listCustomerComplaints',
    access: ['agent', 'handler', 'supervisor', 'manager', 'executive', 'auditor'],
    tags,
    summary: "历史投诉 the customer's complaints, newest first",
    params: CustomerParams,
    querystring: CustomerComplaintsQuery,
    response: { 200: CustomerComplaintPage, ...problems(400, 401, 403, 404) },
  }),
  timeline: endpoint('GET', '/customers/:id/timeline', {
    operationId: 'getCustomerTimeline',
    access: ['agent', 'handler', 'supervisor', 'manager', 'executive', 'auditor'],
    tags,
    summary: "客户历史 the customer's history",
    params: CustomerParams,
    response: { 200: History, ...problems(400, 401, 403, 404) },
  }),
};
