/**
 * The customer portal's operations (网上投诉 and tracking). Registered under `/api/v1` like every
 * other module; unauthenticated for staff: the customer proves ownership with the tracking token or
 * an access token in the `X-Kesu-Tracking` header (security scheme `tracking`).
 */
import { Type } from 'typebox';
import { answerIn, Binary, endpoint, problems } from '../../server/endpoint.js';
import * as s from './schemas.js';
import { CustomerEvidenceAdded, CustomerView, PortalCategories } from './view-schemas.js';

const tags = ['portal'];
/** Open to anyone: no session, no token. */
const PUBLIC: Array<Record<string, string[]>> = [];
/** The customer's proof of ownership in the `X-Kesu-Tracking` header. */
const CUSTOMER = [{ tracking: [] }];
const CUSTOMER_AUTH =
  'Send the tracking token or an access token from POST /portal/sessions in the `X-Kesu-Tracking` header; without a valid one every customer route answers 404 `tracking_denied`.';

export const portalEndpoints = {
  categories: endpoint('GET', '/portal/categories', {
    operationId: 'listPortalCategories',
    access: 'public',
    tags,
    summary: '投诉类别 the complaint categories for the web form (two levels)',
    security: PUBLIC,
    querystring: Type.Object({}, { additionalProperties: false }),
    response: { 200: PortalCategories, ...problems(400) },
  }),
  submit: endpoint('POST', '/portal/complaints', {
    operationId: 'submitPortalComplaint',
    access: 'public',
    tags,
    summary: '网上投诉 submit a complaint from the public web form',
    description:
      '201: registered; keep the number and the tracking token (it is shown only now). 202: received but not registered (a field meant to stay empty was filled); no number is issued. Too many submissions from one address: 429.',
    security: PUBLIC,
    body: s.PortalRegisterBody,
    response: {
      201: s.PortalRegisteredResponse,
      202: s.PortalReceivedResponse,
      ...problems(400, 429),
    },
  }),
  requestCode: endpoint('POST', '/portal/tracking-codes', {
    operationId: 'requestTrackingCode',
    access: 'public',
    tags,
    summary: "短信验证码 send a one-time code by SMS to the complainant's phone",
    description:
      'Always 202 `{ sent: true }`: a code is sent only when the number and the last four digits match, at most one a minute.',
    security: PUBLIC,
    body: s.TrackingCodeBody,
    response: { 202: s.TrackingCodeSent, ...problems(400, 429) },
  }),
  openSession: endpoint('POST', '/portal/sessions', {
    operationId: 'openPortalSession',
    access: 'public',
    tags,
    summary:
      '查询凭证 prove ownership (tracking token, or last four digits with the SMS code) for an access token',
    security: PUBLIC,
    body: s.SessionBody,
    response: { 200: s.SessionResponse, ...problems(400, 404, 429) },
  }),
  view: endpoint('GET', '/portal/complaints/:number', {
    operationId: 'getCustomerView',
    access: 'customer',
    tags,
    summary: '投诉进度 the complaint as its complainant sees it',
    description: CUSTOMER_AUTH,
    security: CUSTOMER,
    params: s.NumberParams,
    response: { 200: CustomerView, ...problems(400, 404, 429) },
  }),
  message: endpoint('POST', '/portal/complaints/:number/messages', {
    operationId: 'addCustomerMessage',
    access: 'customer',
    tags,
    summary: '留言 write to the staff',
    description: `${CUSTOMER_AUTH} Answers the complaint with the message.`,
    security: CUSTOMER,
    params: s.NumberParams,
    body: s.MessageBody,
    response: { 201: CustomerView, ...problems(400, 404, 409, 429) },
  }),
  addEvidence: endpoint('POST', '/portal/complaints/:number/evidence', {
    operationId: 'addCustomerEvidence',
    access: 'customer',
    tags,
    summary: '补充证据 add evidence (multipart: files in `file`, optional `note`)',
    description: `${CUSTOMER_AUTH} The type is decided by the content; a refused file leaves nothing (415 or 413).`,
    security: CUSTOMER,
    params: s.NumberParams,
    consumes: ['multipart/form-data'],
    response: { 201: CustomerEvidenceAdded, ...problems(400, 404, 409, 413, 415, 429) },
  }),
  evidence: endpoint('GET', '/portal/complaints/:number/evidence/:id', {
    operationId: 'downloadCustomerEvidence',
    access: 'customer',
    tags,
    summary: '下载证据 download evidence the customer added',
    description: `${CUSTOMER_AUTH} The file as it was uploaded.`,
    security: CUSTOMER,
    params: s.EvidenceParams,
    response: {
      200: answerIn('the file, as an attachment of the media type it was stored with', {
        'application/octet-stream': Binary,
      }),
      ...problems(400, 404, 429),
    },
  }),
  confirm: endpoint('POST', '/portal/complaints/:number/confirmation', {
    operationId: 'confirmAsCustomer',
    access: 'customer',
    tags,
    summary: '客户确认 satisfied, or not (which reopens the complaint)',
    description: CUSTOMER_AUTH,
    security: CUSTOMER,
    params: s.NumberParams,
    body: s.ConfirmationBody,
    response: { 200: CustomerView, ...problems(400, 404, 409, 429) },
  }),
  survey: endpoint('POST', '/portal/complaints/:number/survey', {
    operationId: 'submitSurvey',
    access: 'customer',
    tags,
    summary: '满意度调查 rate the handling, once, after the answer',
    description: CUSTOMER_AUTH,
    security: CUSTOMER,
    params: s.NumberParams,
    body: s.SurveyBody,
    response: { 201: CustomerView, ...problems(400, 404, 409, 429) },
  }),
  withdraw: endpoint('POST', '/portal/complaints/:number/withdraw', {
    operationId: 'withdrawAsCustomer',
    access: 'customer',
    tags,
    summary: '撤诉 withdraw the complaint',
    description: CUSTOMER_AUTH,
    security: CUSTOMER,
    params: s.NumberParams,
    body: s.WithdrawBody,
    response: { 200: CustomerView, ...problems(400, 404, 409, 429) },
  }),
};
