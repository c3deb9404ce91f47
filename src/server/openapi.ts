/**
 * The OpenAPI document's own parts (@fastify/swagger): what the API is, where it is served, how
 * callers authenticate, and the tags that group its operations. The operations come from the
 * modules' endpoints (server/endpoint.ts); GET /api/openapi.json publishes the whole, /api/docs shows it.
 */
import type { SwaggerOptions } from '@fastify/swagger';
import { SESSION_COOKIE } from './http.js';

/** Every tag an operation may carry, with what it groups (the linter and test/http/openapi-contract.test.ts hold operations to this list). */
export const API_TAGS = [
  { name: 'auth', description: '登录 signing in and out, the signed-in user, API tokens' },
  { name: 'organisation', description: '组织 units, users and roles' },
  { name: 'categories', description: '投诉分类 the four-level complaint categories' },
  { name: 'complaints', description: '投诉 registering, finding, handling and answering complaints' },
  { name: 'dispatch', description: '派单 the rules that route a new complaint to a unit' },
  { name: 'time limits', description: '时限 the time limits of each stage and the working calendar' },
  { name: 'inbox', description: '通知 the signed-in user’s notifications' },
  {
    name: 'notifications',
    description: '通知渠道 how Kesu reaches customers and staff (SMS, e-mail, webhooks)',
  },
  { name: 'jobs', description: '后台任务 background jobs and their runs' },
  { name: 'customers', description: '客户 customer records and their complaints' },
  { name: 'evidence', description: '证据 files attached to a complaint' },
  { name: 'spreadsheets', description: '导入导出 importing and exporting complaints as spreadsheets' },
  { name: 'dashboard', description: '统计 figures and charts for the dashboard' },
  { name: 'mail intake', description: '邮件受理 the mailbox complaints arrive by' },
  { name: 'settings', description: '设置 system settings (administrators)' },
  { name: 'cases', description: '案例库 the case library and canned replies' },
  {
    name: 'playbooks',
    description: '处置清单 checklists attached to complaints, and first-response guidance per category',
  },
  { name: 'quality', description: '质检 quality checks of handled complaints: checklists, samples, scores' },
  {
    name: 'return visits',
    description: '回访 calls to the customer after closing, and satisfaction surveys taken by phone',
  },
  {
    name: 'corrective-actions',
    description: '整改 corrective and preventive actions, their verification and effectiveness',
  },
  {
    name: 'warnings',
    description: '预警 early warnings raised by detector jobs: spikes, repeats, escalation risk, time',
  },
  {
    name: 'assessment',
    description: '考核 staff and unit assessment sheets, closed periods, volumes and scoring rules',
  },
  {
    name: 'stats',
    description:
      '统计 figures of any period and scope from rollups, 环比/同比, drill-down filters, xlsx tables',
  },
  {
    name: 'reports',
    description:
      '报表 weekly, monthly, quarterly and on-demand reports as xlsx and PDF, mailed to recipients',
  },
  {
    name: 'topics',
    description:
      '热点 hot topics: recent complaints grouped by their words every day, with growth and examples',
  },
  {
    name: 'forecast',
    description:
      '预测 expected complaints per day with intervals, by category and region, and a staffing hint',
  },
  {
    name: 'appeals',
    description: '申诉 appeals against judgements and quality checks, reviewed by supervisor then manager',
  },
  {
    name: 'parties',
    description: '外部责任方 partner stations, contractors and suppliers a judgement can name',
  },
  {
    name: 'disclosure',
    description:
      '公示 the monthly public disclosure: chosen figures and anonymised judgements, and its public page',
  },
  { name: 'classification', description: '自动分类 the category classifier' },
  { name: 'privacy', description: '个人信息 personal data: access, correction, erasure' },
  { name: 'webhooks', description: 'Webhook 订阅 signed notices of complaint events to integrations' },
  { name: 'audit', description: '历史核验 verifying the tamper-evident history (auditors)' },
  {
    name: 'portal',
    description:
      '客户门户 the public web form and tracking: no staff session; the customer proves ownership with the tracking token or an access token',
  },
];

export const openApiOptions: SwaggerOptions = {
  // Shared schemas (added with addSchema) become components named by their $id.
  refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'Kesu (客诉) API',
      version: '1',
      description: 'Customer complaint management. Amounts are integer fen; times are ISO 8601 UTC.',
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
    },
    // Relative: the paths carry /api/v1, so the document works on whichever host serves it (and in Swagger UI).
    servers: [{ url: '/', description: 'this Kesu server' }],
    tags: API_TAGS,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        bearer: { type: 'http', scheme: 'bearer' },
        tracking: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Kesu-Tracking',
          description:
            'the customer portal: the tracking token, or an access token from POST /api/v1/portal/sessions',
        },
      },
    },
    security: [{ session: [] }, { bearer: [] }],
  },
};
