/**
 * The complaint page's operations: the complaint, its history, its changes and every action of its
 * life (DOMAIN.md). Each action answers with the complaint as it now is.
 */
import { type TSchema, Type } from 'typebox';
import { ROLES, type Role } from '../../domain/roles.js';
import { type Access, endpoint, problems } from '../../server/endpoint.js';
import { RevealQuery } from '../privacy/reveal-schemas.js';
import { ApproveBody, FulfilBody, Fulfilments, FulfilmentsQuery, ProposeBody } from './fulfilment-schemas.js';
import * as s from './schemas.js';
import { ComplaintDetail, PendingApprovals, Timeline } from './view-schemas.js';

const tags = ['complaints'];
export const NumberParams = Type.Object({ number: Type.String({ maxLength: 32 }) });

/**
 * Who may take each action (`access`, enforced before the handler): the roles that hold the action in
 * PERMISSIONS (permissions.ts); test/http/access-matrix.test.ts holds the two together.
 */
const WORKERS = ['agent', 'handler', 'supervisor', 'manager'] as const satisfies Role[];
const INTAKE = ['agent', 'supervisor', 'manager'] as const satisfies Role[];
const DECIDERS = ['agent', 'supervisor', 'manager', 'executive'] as const satisfies Role[];
const ASSESSORS = ['supervisor', 'manager', 'executive', 'auditor'] as const satisfies Role[];

/**
 * An action on the complaint: 404 when the user may not see it, 403 for their role (or beyond their
 * authority), 409 when the complaint's state does not allow it, 400 with fields for its input.
 */
const action = <const M extends 'POST' | 'PUT', const P extends string, const B extends TSchema>(
  method: M,
  path: P,
  spec: { operationId: string; access: Access; summary: string; body: B },
) =>
  endpoint(method, `/complaints/:number/${path}`, {
    ...spec,
    tags,
    params: NumberParams,
    response: { 200: ComplaintDetail, ...problems(400, 401, 403, 404, 409) },
  });

export const complaintEndpoints = {
  pendingApprovals: endpoint('GET', '/approvals', {
    operationId: 'listPendingApprovals',
    access: ROLES,
    summary: '待审批 remedies waiting for a decision, oldest first',
    tags,
    response: { 200: PendingApprovals, ...problems(401) },
  }),
  fulfilments: endpoint('GET', '/fulfilments', {
    operationId: 'listFulfilments',
    access: ROLES,
    summary: '方案执行 approved remedies awaiting fulfilment (due first), or the latest carried out',
    tags,
    querystring: FulfilmentsQuery,
    response: { 200: Fulfilments, ...problems(400, 401) },
  }),
  getComplaint: endpoint('GET', '/complaints/:number', {
    operationId: 'getComplaint',
    access: ROLES,
    summary: '投诉详情 the complaint with everything its page shows',
    description:
      "The complainant's phone and e-mail are masked; `reveal=true` shows them to a role with the personal-data permission and records the view in the complaint's history.",
    tags,
    params: NumberParams,
    querystring: RevealQuery,
    response: { 200: ComplaintDetail, ...problems(400, 401, 403, 404) },
  }),
  getTimeline: endpoint('GET', '/complaints/:number/timeline', {
    operationId: 'getComplaintTimeline',
    access: ROLES,
    summary: '处理记录 the complaint’s history, oldest first',
    tags,
    params: NumberParams,
    response: { 200: Timeline, ...problems(401, 404) },
  }),
  updateComplaint: endpoint('PATCH', '/complaints/:number', {
    operationId: 'updateComplaint',
    access: WORKERS,
    summary: '修改 correct the record: title, category, priority, tags, references',
    tags,
    params: NumberParams,
    body: s.UpdateBody,
    response: { 200: ComplaintDetail, ...problems(400, 401, 403, 404, 409) },
  }),
  watch: endpoint('PUT', '/complaints/:number/watch', {
    operationId: 'watchComplaint',
    access: [...WORKERS, 'executive', 'auditor'],
    summary: '关注 follow the complaint',
    tags,
    params: NumberParams,
    response: { 200: ComplaintDetail, ...problems(401, 403, 404, 409) },
  }),
  unwatch: endpoint('DELETE', '/complaints/:number/watch', {
    operationId: 'unwatchComplaint',
    access: [...WORKERS, 'executive', 'auditor'],
    summary: '取消关注 stop following the complaint',
    tags,
    params: NumberParams,
    response: { 200: ComplaintDetail, ...problems(401, 403, 404, 409) },
  }),
  accept: action('POST', 'accept', {
    operationId: 'acceptComplaint',
    access: INTAKE,
    summary: '受理 accept',
    body: s.OptionalCommentBody,
  }),
  assign: action('POST', 'assign', {
    operationId: 'assignComplaint',
    access: INTAKE,
    summary: '分派 assign to a unit and handler',
    body: s.AssignBody,
  }),
  transfer: action('POST', 'transfer', {
    operationId: 'transferComplaint',
    access: WORKERS,
    summary: '转派 transfer to another unit',
    body: s.TransferBody,
  }),
  start: action('POST', 'start', {
    operationId: 'startInvestigation',
    access: WORKERS,
    summary: '开始调查 start the investigation',
    body: s.OptionalCommentBody,
  }),
  requestInfo: action('POST', 'request-info', {
    operationId: 'requestInformation',
    access: WORKERS,
    summary: '待补充材料 wait for the customer',
    body: s.ReasonBody,
  }),
  resume: action('POST', 'resume', {
    operationId: 'resumeInvestigation',
    access: WORKERS,
    summary: '继续调查 the customer answered; resume',
    body: s.OptionalCommentBody,
  }),
  judge: action('PUT', 'judgement', {
    operationId: 'recordJudgement',
    access: WORKERS,
    summary: '责任判定 record the responsibility judgement',
    body: s.JudgementBody,
  }),
  assess: action('PUT', 'validity', {
    operationId: 'assessValidity',
    access: ASSESSORS,
    summary: '有效/无效 assess validity',
    body: s.AssessBody,
  }),
  propose: action('POST', 'remedies', {
    operationId: 'proposeRemedy',
    access: WORKERS,
    summary: '处理方案 propose a remedy, with who bears its cost (approved at once within authority)',
    body: ProposeBody,
  }),
  approve: action('POST', 'approve', {
    operationId: 'approveRemedy',
    access: DECIDERS,
    summary: '审批 approve the pending remedy; who carries it out by when, who bears the cost',
    body: ApproveBody,
  }),
  reject: action('POST', 'reject', {
    operationId: 'rejectRemedy',
    access: DECIDERS,
    summary: '驳回 reject the pending remedy',
    body: s.RejectBody,
  }),
  reply: action('POST', 'reply', {
    operationId: 'replyToCustomer',
    access: WORKERS,
    summary: '回复 reply to the customer',
    body: s.ReplyBody,
  }),
  confirm: action('POST', 'confirmation', {
    operationId: 'recordConfirmation',
    access: INTAKE,
    summary: '客户确认 the customer is satisfied or not',
    body: s.ConfirmBody,
  }),
  reopen: action('POST', 'reopen', {
    operationId: 'reopenComplaint',
    access: DECIDERS,
    summary: '重新处理 reopen',
    body: s.ReasonBody,
  }),
  escalate: action('POST', 'escalate', {
    operationId: 'escalateComplaint',
    access: [...WORKERS, 'executive'],
    summary: '升级 escalate one level',
    body: s.EscalateBody,
  }),
  link: action('POST', 'links', {
    operationId: 'linkComplaint',
    access: WORKERS,
    summary: '关联 link to another complaint',
    body: s.LinkBody,
  }),
  contact: action('POST', 'contact-attempts', {
    operationId: 'recordContactAttempt',
    access: WORKERS,
    summary: '回电 a call-back, reached or not (not: SMS, then closes if no answer)',
    body: s.ContactBody,
  }),
  merge: action('POST', 'merge', {
    operationId: 'mergeComplaint',
    access: INTAKE,
    summary: '合并 merge into another complaint',
    body: s.MergeBody,
  }),
  withdraw: action('POST', 'withdraw', {
    operationId: 'withdrawComplaint',
    access: INTAKE,
    summary: '撤诉 the customer withdraws',
    body: s.ReasonBody,
  }),
  invalidate: action('POST', 'invalidate', {
    operationId: 'invalidateComplaint',
    access: INTAKE,
    summary: '无效/不予受理 not accepted, answered',
    body: s.InvalidateBody,
  }),
  fulfil: action('POST', 'fulfilment', {
    operationId: 'recordFulfilment',
    access: WORKERS,
    summary:
      '方案执行 the approved remedy carried out, with proof (or failed, cancelled); its owner or a supervisor',
    body: FulfilBody,
  }),
  archive: action('POST', 'archive', {
    operationId: 'archiveComplaint',
    access: DECIDERS,
    summary: '归档 archive (read-only afterwards)',
    body: s.OptionalCommentBody,
  }),
};
