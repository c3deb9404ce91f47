import { type TSchema, Type } from 'typebox';
import type { ActorContext, AppContext } from '../../context.js';
import { actorContext, type Http } from '../../server/http.js';
import { RevealQuery } from '../privacy/index.js';
import { readSetting, writeSetting } from '../settings/index.js';
import { recordConfirmation, reopenComplaint, replyToCustomer } from './answer-complaint.js';
import { type AuthorityLimits, DEFAULT_AUTHORITY_LIMITS } from './authority.js';
import {
  archiveComplaint,
  invalidateComplaint,
  mergeComplaint,
  withdrawComplaint,
} from './close-complaint.js';
import { recordContactAttempt } from './contact-customer.js';
import { approveRemedy, authorityLimits, proposeRemedy, rejectRemedy } from './decide-remedy.js';
import { DEFAULT_DUPLICATE_SETTINGS, DUPLICATE_SETTING, type DuplicateSettings } from './duplicates.js';
import {
  assessValidity,
  recordJudgement,
  requestInformation,
  resumeInvestigation,
  startInvestigation,
} from './investigate-complaint.js';
import { getComplaint, getTimeline } from './queries.js';
import { acceptComplaint, assignComplaint, escalateComplaint, transferComplaint } from './route-complaint.js';
import * as s from './schemas.js';
import { linkComplaint, updateComplaint, watchComplaint } from './update-complaint.js';

const tags = ['complaints'];
const APPROVING_ROLES = ['agent', 'handler', 'supervisor', 'manager', 'executive'] as const;
const NumberParams = Type.Object({ number: Type.String({ maxLength: 32 }) });

// biome-ignore lint/suspicious/noExplicitAny: each entry pairs a body schema with the command that takes its Static type
type Command = (ctx: ActorContext, number: string, input: any) => Promise<unknown>;

/** `POST /complaints/:number/<path>` → command; each answers with the complaint as it now is. */
const ACTION_ROUTES: Array<
  [method: 'post' | 'put', path: string, body: TSchema, command: Command, summary: string]
> = [
  ['post', 'accept', s.OptionalCommentBody, acceptComplaint, '受理 accept'],
  ['post', 'assign', s.AssignBody, assignComplaint, '分派 assign to a unit and handler'],
  ['post', 'transfer', s.TransferBody, transferComplaint, '转派 transfer to another unit'],
  ['post', 'start', s.OptionalCommentBody, startInvestigation, '开始调查 start the investigation'],
  ['post', 'request-info', s.ReasonBody, requestInformation, '待补充材料 wait for the customer'],
  ['post', 'resume', s.OptionalCommentBody, resumeInvestigation, 'the customer answered; resume'],
  ['put', 'judgement', s.JudgementBody, recordJudgement, '责任判定 record the responsibility judgement'],
  ['put', 'validity', s.AssessBody, assessValidity, '有效/无效 assess validity'],
  [
    'post',
    'remedies',
    s.RemedyBody,
    proposeRemedy,
    '处理方案 propose a remedy (approved at once within authority)',
  ],
  ['post', 'approve', s.DecisionBody, approveRemedy, '审批 approve the pending remedy'],
  ['post', 'reject', s.RejectBody, rejectRemedy, '驳回 reject the pending remedy'],
  ['post', 'reply', s.ReplyBody, replyToCustomer, '回复 reply to the customer'],
  ['post', 'confirmation', s.ConfirmBody, recordConfirmation, '客户确认 the customer is satisfied or not'],
  ['post', 'reopen', s.ReasonBody, reopenComplaint, '重新处理 reopen'],
  ['post', 'escalate', s.EscalateBody, escalateComplaint, '升级 escalate one level'],
  ['post', 'links', s.LinkBody, linkComplaint, '关联 link to another complaint'],
  [
    'post',
    'contact-attempts',
    s.ContactBody,
    recordContactAttempt,
    '回电 a call-back, reached or not (not: SMS, then closes if no answer)',
  ],
  ['post', 'merge', s.MergeBody, mergeComplaint, '合并 merge into another complaint'],
  ['post', 'withdraw', s.ReasonBody, withdrawComplaint, '撤诉 the customer withdraws'],
  ['post', 'invalidate', s.InvalidateBody, invalidateComplaint, '无效/不予受理 not accepted, answered'],
  ['post', 'archive', s.OptionalCommentBody, archiveComplaint, '归档 archive (read-only afterwards)'],
];

export function complaintRoutes(http: Http, app: AppContext): void {
  http.get(
    '/complaints/:number',
    {
      schema: {
        tags,
        params: NumberParams,
        querystring: RevealQuery,
        description:
          "The complainant's phone and e-mail are masked; `reveal=true` shows them to a role with the personal-data permission and records the view in the complaint's history.",
      },
    },
    async (req) =>
      getComplaint(actorContext(app, req), req.params.number, { reveal: req.query.reveal === true }),
  );
  http.get('/complaints/:number/timeline', { schema: { tags, params: NumberParams } }, async (req) => ({
    items: await getTimeline(actorContext(app, req), req.params.number),
  }));
  http.patch(
    '/complaints/:number',
    { schema: { tags, params: NumberParams, body: s.UpdateBody } },
    async (req) => {
      const ctx = actorContext(app, req);
      await updateComplaint(ctx, req.params.number, req.body);
      return getComplaint(ctx, req.params.number);
    },
  );

  for (const [method, path, body, command, summary] of ACTION_ROUTES) {
    http[method](
      `/complaints/:number/${path}`,
      { schema: { tags, summary, params: NumberParams, body } },
      async (req) => {
        const ctx = actorContext(app, req);
        const { number } = req.params as { number: string };
        await command(ctx, number, req.body);
        return getComplaint(ctx, number);
      },
    );
  }
  for (const [method, watching] of [
    ['put', true],
    ['delete', false],
  ] as const) {
    http[method](
      '/complaints/:number/watch',
      { schema: { tags, summary: '关注 follow or unfollow', params: NumberParams } },
      async (req) => {
        const ctx = actorContext(app, req);
        await watchComplaint(ctx, req.params.number, watching);
        return getComplaint(ctx, req.params.number);
      },
    );
  }

  const settingsTags = ['settings'];
  http.get('/settings/authority-limits', { schema: { tags: settingsTags } }, async (req) => {
    actorContext(app, req);
    return authorityLimits(app.db);
  });
  http.put(
    '/settings/authority-limits',
    {
      schema: {
        tags: settingsTags,
        summary: '处理权限 amounts (fen) each role may approve alone; null means no limit',
        body: Type.Object(
          {
            limits: Type.Object(
              Object.fromEntries(
                APPROVING_ROLES.map((r) => [
                  r,
                  Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
                ]),
              ),
              { additionalProperties: false, description: 'roles left out approve nothing' },
            ),
            majorApprover: Type.Enum(['supervisor', 'manager', 'executive']),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) =>
      writeSetting<AuthorityLimits>(
        actorContext(app, req),
        'authority_limits',
        req.body as AuthorityLimits,
        DEFAULT_AUTHORITY_LIMITS,
      ),
  );

  http.get('/settings/duplicates', { schema: { tags: settingsTags } }, async (req) => {
    actorContext(app, req);
    return readSetting(app.db, DUPLICATE_SETTING, DEFAULT_DUPLICATE_SETTINGS);
  });
  http.put(
    '/settings/duplicates',
    {
      schema: {
        tags: settingsTags,
        summary: '重复投诉 how far back the same customer or waybill makes a repeat complaint',
        body: Type.Object(
          { windowDays: Type.Integer({ minimum: 1, maximum: 365 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) =>
      writeSetting<DuplicateSettings>(
        actorContext(app, req),
        DUPLICATE_SETTING,
        req.body,
        DEFAULT_DUPLICATE_SETTINGS,
      ),
  );
}
