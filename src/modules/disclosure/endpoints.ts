import { endpoint, NoContent, problems } from '../../server/endpoint.js';
import * as s from './schemas.js';

const tags = ['disclosure'];
const ADMIN = ['admin'] as const;
/** Open to anyone: no session, no token. */
const PUBLIC: Array<Record<string, string[]>> = [];

/** Preparing, editing and publishing a month's disclosure: administrators. */
export const disclosureEndpoints = {
  list: endpoint('GET', '/disclosures', {
    operationId: 'listDisclosures',
    access: ADMIN,
    tags,
    summary: '公示 every prepared month, draft or published',
    response: { 200: s.AdminList, ...problems(401, 403) },
  }),
  get: endpoint('GET', '/disclosures/:month', {
    operationId: 'getDisclosure',
    access: ADMIN,
    tags,
    summary:
      '公示预览 the month as prepared: every figure, the chosen ones, the judgements with their numbers',
    params: s.MonthParams,
    response: { 200: s.AdminDisclosure, ...problems(400, 401, 403, 404) },
  }),
  prepare: endpoint('PUT', '/disclosures/:month', {
    operationId: 'prepareDisclosure',
    access: ADMIN,
    tags,
    summary: '准备公示 compute the month’s figures now, choose which to publish, select the judgements',
    description:
      'A judgement selected for the first time starts from a draft written without any personal value; one already selected keeps its edited texts. 409 when the month is published.',
    params: s.MonthParams,
    body: s.PrepareBody,
    response: { 204: NoContent, ...problems(400, 401, 403, 409) },
  }),
  editJudgement: endpoint('PUT', '/disclosures/:month/judgements/:number', {
    operationId: 'editDisclosureJudgement',
    access: ADMIN,
    tags,
    summary: '编辑公示内容 the publication texts of one selected judgement',
    description:
      '400 naming the field when a text holds a personal value of the complaint (name, phone, e-mail, number, waybill, order) or anything shaped like a phone, e-mail or waybill number.',
    params: s.JudgementParams,
    body: s.JudgementTexts,
    response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
  }),
  publish: endpoint('POST', '/disclosures/:month/publish', {
    operationId: 'publishDisclosure',
    access: ADMIN,
    tags,
    summary: '发布公示 the month appears on the public page',
    params: s.MonthParams,
    response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
  }),
  unpublish: endpoint('POST', '/disclosures/:month/unpublish', {
    operationId: 'unpublishDisclosure',
    access: ADMIN,
    tags,
    summary: '撤回公示 the month leaves the public page',
    params: s.MonthParams,
    response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
  }),
};

/** What anyone may read, without signing in: only what was published. Rate-limited per address. */
export const publicDisclosureEndpoints = {
  publicList: endpoint('GET', '/public/disclosures', {
    operationId: 'listPublicDisclosures',
    access: 'public',
    tags,
    summary: '公示月份 the published months',
    security: PUBLIC,
    response: { 200: s.PublicList, ...problems(429) },
  }),
  publicGet: endpoint('GET', '/public/disclosures/:month', {
    operationId: 'getPublicDisclosure',
    access: 'public',
    tags,
    summary: '公示 a published month: the chosen figures and the anonymised judgements',
    security: PUBLIC,
    params: s.MonthParams,
    response: { 200: s.PublicDisclosure, ...problems(400, 404, 429) },
  }),
};
