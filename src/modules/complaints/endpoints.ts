/**
 * The complaint page's operations: the complaint, its history, its changes and every action of its
 * life (DOMAIN.md). Each action answers with the complaint as it now is.
 */
import { type TSchema, Type } from 'typebox';
import { endpoint, problems } from '../../server/endpoint.js';
import { RevealQuery } from '../privacy/reveal-schemas.js';
import * as s from './schemas.js';
import { ComplaintDetail, PendingApprovals, Timeline } from './view-schemas.js';

const tags = ['complaints'];
export const NumberParams = Type.Object({ number: Type.String({ maxLength: 32 }) });

/**
 * An action on the complaint: 404 when the user may not see it, 403 for their role (or beyond their
 * authority), 409 when the complaint's state does not allow it, 400 with fields for its input.
 */
const action = <const M extends 'POST' | 'PUT', const P extends string, const B extends TSchema>(
  method: M,
  path: P,
  operationId: string,
  summary: string,
  body: B,
) =>
  endpoint(method, `/complaints/:number/${path}`, {
    operationId,
    summary,
    tags,
    params: NumberParams,
    body,
    response: { 200: ComplaintDetail, ...problems(400, 401, 403, 404, 409) },
  });

export const complaintEndpoints = {
  pendingApprovals: endpoint('GET', '/approvals', {
    operationId: 'listPendingApprovals',
    summary: '待审批 remedies waiting for a decision, oldest first',
    tags,
    response: { 200: PendingApprovals, ...problems(401) },
  }),
  getComplaint: endpoint('GET', '/complaints/:number', {
    operationId: 'getComplaint',
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
    summary: '处理记录 the complaint’s history, oldest first',
    tags,
    params: NumberParams,
    response: { 200: Timeline, ...problems(401, 404) },
  }),
  updateComplaint: endpoint('PATCH', '/complaints/:number', {
    operationId: 'updateComplaint',
    summary: '修改 correct the record: title, category, priority, tags, references',
    tags,
    params: NumberParams,
    body: s.UpdateBody,
    response: { 200: ComplaintDetail, ...problems(400, 401, 403, 404, 409) },
  }),
  watch: endpoint('PUT', '/complaints/:number/watch', {
    operationId: 'watchComplaint',
    summary: '关注 follow the complaint',
    tags,
    params: NumberParams,
    response: { 200: ComplaintDetail, ...problems(401, 403, 404, 409) },
  }),
  unwatch: endpoint('DELETE', '/complaints/:number/watch', {
    operationId: 'unwatchComplaint',
    summary: '取消关注 stop following the complaint',
    tags,
    params: NumberParams,
    response: { 200: ComplaintDetail, ...problems(401, 403, 404, 409) },
  }),
  accept: action('POST', 'accept', 'acceptComplaint', '受理 accept', s.OptionalCommentBody),
  assign: action('POST', 'assign', 'assignComplaint', '分派 assign to a unit and handler', s.AssignBody),
  transfer: action('POST', 'transfer', 'transferComplaint', '转派 transfer to another unit', s.TransferBody),
  start: action(
    'POST',
    'start',
    'startInvestigation',
    '开始调查 start the investigation',
    s.OptionalCommentBody,
  ),
  requestInfo: action(
    'POST',
    'request-info',
    'requestInformation',
    '待补充材料 wait for the customer',
    s.ReasonBody,
  ),
  resume: action(
    'POST',
    'resume',
    'resumeInvestigation',
    '继续调查 the customer answered; resume',
    s.OptionalCommentBody,
  ),
  judge: action(
    'PUT',
    'judgement',
    'recordJudgement',
    '责任判定 record the responsibility judgement',
    s.JudgementBody,
  ),
  assess: action('PUT', 'validity', 'assessValidity', '有效/无效 assess validity', s.AssessBody),
  propose: action(
    'POST',
    'remedies',
    'proposeRemedy',
    '处理方案 propose a remedy (approved at once within authority)',
    s.RemedyBody,
  ),
  approve: action('POST', 'approve', 'approveRemedy', '审批 approve the pending remedy', s.DecisionBody),
  reject: action('POST', 'reject', 'rejectRemedy', '驳回 reject the pending remedy', s.RejectBody),
  reply: action('POST', 'reply', 'replyToCustomer', '回复 reply to the customer', s.ReplyBody),
  confirm: action(
    'POST',
    'confirmation',
    'recordConfirmation',
    '客户确认 the customer is satisfied or not',
    s.ConfirmBody,
  ),
  reopen: action('POST', 'reopen', 'reopenComplaint', '重新处理 reopen', s.ReasonBody),
  escalate: action('POST', 'escalate', 'escalateComplaint', '升级 escalate one level', s.EscalateBody),
  link: action('POST', 'links', 'linkComplaint', '关联 link to another complaint', s.LinkBody),
  contact: action(
    'POST',
    'contact-attempts',
    'recordContactAttempt',
    '回电 a call-back, reached or not (not: SMS, then closes if no answer)',
    s.ContactBody,
  ),
  merge: action('POST', 'merge', 'mergeComplaint', '合并 merge into another complaint', s.MergeBody),
  withdraw: action('POST', 'withdraw', 'withdrawComplaint', '撤诉 the customer withdraws', s.ReasonBody),
  invalidate: action(
    'POST',
    'invalidate',
    'invalidateComplaint',
    '无效/不予受理 not accepted, answered',
    s.InvalidateBody,
  ),
  archive: action(
    'POST',
    'archive',
    'archiveComplaint',
    '归档 archive (read-only afterwards)',
    s.OptionalCommentBody,
  ),
};
