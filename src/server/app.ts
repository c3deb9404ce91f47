import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import Fastify, { LogController } from 'fastify';
import type { AppContext } from '../context.js';
import { appealRoutes } from '../modules/appeals/routes.js';
import { assessmentRoutes } from '../modules/assessment/routes.js';
import { auditRoutes } from '../modules/audit/routes.js';
import { backupRoutes } from '../modules/backup/routes.js';
import { caseRoutes } from '../modules/cases/routes.js';
import { categoryRoutes } from '../modules/categories/routes.js';
import { classificationRoutes } from '../modules/classifier/routes.js';
import { suggestRoutes } from '../modules/classifier/suggest-routes.js';
import { complaintQueueRoutes } from '../modules/complaints/queue-routes.js';
import { complaintRoutes } from '../modules/complaints/routes.js';
import { complaintSettingsRoutes } from '../modules/complaints/settings-routes.js';
import { correctiveActionRoutes } from '../modules/corrective-actions/routes.js';
import { customerRoutes } from '../modules/customers/routes.js';
import { dashboardRoutes } from '../modules/dashboard/routes.js';
import {
  disclosurePageRoutes,
  disclosureRoutes,
  publicDisclosureRoutes,
} from '../modules/disclosure/routes.js';
import { dispatchRoutes } from '../modules/dispatch/routes.js';
import { evidenceRoutes } from '../modules/evidence/routes.js';
import { evidenceSettingsRoutes } from '../modules/evidence/settings-routes.js';
import { forecastRoutes } from '../modules/forecast/routes.js';
import { jobRoutes } from '../modules/jobs/routes.js';
import { mailRoutes } from '../modules/mail/routes.js';
import { messageRoutes } from '../modules/messages/routes.js';
import { inboxRoutes } from '../modules/notify/inbox-routes.js';
import { notifyRoutes } from '../modules/notify/routes.js';
import { authRoutes } from '../modules/org/auth-routes.js';
import { actorForApiToken, actorForSession } from '../modules/org/index.js';
import { orgRoutes } from '../modules/org/routes.js';
import { securityRoutes } from '../modules/org/security-routes.js';
import { partyRoutes } from '../modules/parties/routes.js';
import { playbookRoutes } from '../modules/playbooks/routes.js';
import { portalRoutes } from '../modules/portal/routes.js';
import { portalSettingsRoutes } from '../modules/portal/settings-routes.js';
import { privacyRoutes } from '../modules/privacy/routes.js';
import { qualityRoutes } from '../modules/quality/routes.js';
import { reportRoutes } from '../modules/reports/routes.js';
import { returnVisitRoutes } from '../modules/return-visits/routes.js';
import { searchRoutes } from '../modules/search/routes.js';
import { extensionRoutes } from '../modules/sla/extension-routes.js';
import { slaRoutes } from '../modules/sla/routes.js';
import { spreadsheetRoutes } from '../modules/spreadsheets/routes.js';
import { statsRoutes } from '../modules/stats/routes.js';
import { topicsRoutes } from '../modules/topics/routes.js';
import { warningRoutes } from '../modules/warnings/routes.js';
import { webhookRoutes } from '../modules/webhooks/routes.js';
import { recordDeclaredRoutes } from './access.js';
import { registerCsrfCheck } from './csrf.js';
import { ProblemSchema } from './endpoint.js';
import { registerHealth } from './health.js';
import { type Http, SESSION_COOKIE } from './http.js';
import { registerMetrics } from './metrics.js';
import { openApiOptions } from './openapi.js';
import { sendProblem } from './problem.js';
import { SnapshotRateLimitStore } from './rate-limit-store.js';
import { registerRequestContext, requestIdOf } from './request-id.js';
import { registerSecurityHeaders } from './security-headers.js';
import { registerWeb } from './static-web.js';
import { DEFAULT_REQUEST_TIMEOUT_MS, registerHandlerTimeouts, serverTimeouts } from './timeouts.js';
import { registerUnreadBodyDrain } from './unread-body.js';

/** The largest file any upload route accepts; routes set lower limits of their own. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

export interface AppOptions {
  logLevel?: string;
  /** Behind a reverse proxy: trust its X-Forwarded-For, so per-IP limits see the visitor (Fastify's trustProxy). */
  trustProxy?: boolean | string;
  /** KESU_METRICS_TOKEN: the bearer token that may scrape `GET /metrics`. */
  metricsToken?: string;
  /** Where JSON log lines go (default stdout); tests capture them. */
  logStream?: { write(line: string): void };
  /** KESU_REQUEST_TIMEOUT in milliseconds (server/timeouts.ts). */
  requestTimeoutMs?: number;
  /** KESU_ALLOWED_ORIGINS (server/csrf.ts). */
  allowedOrigins?: string[];
  /** The job worker this process runs: readiness requires its heartbeat. */
  workerId?: string;
}

/** Request logs name the URL with phone numbers, e-mail addresses and long digit runs masked. */
const loggedUrl = (url: string) =>
  url
    .replace(/(%40|@)[^&#]*/g, '$1***')
    .replace(/\d{7,}/g, (digits) => `${digits.slice(0, 3)}****${digits.slice(-4)}`);

/** The HTTP face of Kesu: plumbing here, behaviour in the modules' routes. */
export async function buildApp(app: AppContext, options: AppOptions = {}): Promise<Http> {
  const requestMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const http = Fastify({
    ...serverTimeouts(requestMs),
    logger:
      options.logLevel && options.logLevel !== 'silent'
        ? {
            level: options.logLevel,
            stream: options.logStream,
            serializers: {
              req: (req: { method: string; url: string }) => ({
                method: req.method,
                url: loggedUrl(req.url),
              }),
            },
          }
        : false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    genReqId: requestIdOf,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
  }).withTypeProvider() as unknown as Http;
  http.setValidatorCompiler(TypeBoxValidatorCompiler);
  registerRequestContext(http);
  registerMetrics(http, app, { token: options.metricsToken });
  http.setErrorHandler((error, req, reply) =>
    sendProblem(error instanceof Error ? error : new Error(String(error)), req, reply),
  );
  http.setNotFoundHandler((req, reply) =>
    sendProblem(Object.assign(new Error('route'), { statusCode: 404 }), req, reply),
  );

  registerHandlerTimeouts(http, requestMs);
  registerUnreadBodyDrain(http, { maxBytes: MAX_UPLOAD_BYTES, windowMs: requestMs });
  registerSecurityHeaders(http, app.config.publicUrl);
  registerCsrfCheck(http, { publicUrl: app.config.publicUrl, allowedOrigins: options.allowedOrigins ?? [] });
  await http.register(fastifyCookie);
  // Uploads (evidence, spreadsheets) are streamed; each route applies its own size and type limits.
  await http.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 10, fields: 20 } });
  // Only the routes that opt in (the public portal) are rate-limited.
  await http.register(fastifyRateLimit, { global: false, store: SnapshotRateLimitStore });
  http.addSchema(ProblemSchema);
  await http.register(fastifySwagger, openApiOptions);
  await http.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  http.get('/api/openapi.json', { schema: { hide: true } }, async () => http.swagger());
  registerHealth(http, app, { workerId: options.workerId });

  recordDeclaredRoutes(http);
  http.decorateRequest('actor', null);
  // Authentication in one place: a session cookie (console) or a bearer token (integrations).
  http.addHook('onRequest', async (req) => {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) req.actor = await actorForApiToken(app, auth.slice(7).trim());
    else {
      const token = req.cookies[SESSION_COOKIE];
      if (token) req.actor = await actorForSession(app, token);
    }
  });

  await http.register(
    async (api) => {
      authRoutes(api as Http, app);
      orgRoutes(api as Http, app);
      securityRoutes(api as Http, app);
      categoryRoutes(api as Http, app);
      complaintQueueRoutes(api as Http, app);
      complaintRoutes(api as Http, app);
      complaintSettingsRoutes(api as Http, app);
      dispatchRoutes(api as Http, app);
      slaRoutes(api as Http, app);
      extensionRoutes(api as Http, app);
      inboxRoutes(api as Http, app);
      notifyRoutes(api as Http, app);
      jobRoutes(api as Http, app);
      customerRoutes(api as Http, app);
      messageRoutes(api as Http, app);
      privacyRoutes(api as Http, app);
      evidenceRoutes(api as Http, app);
      evidenceSettingsRoutes(api as Http, app);
      spreadsheetRoutes(api as Http, app);
      dashboardRoutes(api as Http, app);
      mailRoutes(api as Http, app);
      portalSettingsRoutes(api as Http, app);
      searchRoutes(api as Http, app);
      caseRoutes(api as Http, app);
      suggestRoutes(api as Http, app);
      classificationRoutes(api as Http, app);
      webhookRoutes(api as Http, app);
      backupRoutes(api as Http, app);
      auditRoutes(api as Http, app);
      playbookRoutes(api as Http, app);
      qualityRoutes(api as Http, app);
      returnVisitRoutes(api as Http, app);
      correctiveActionRoutes(api as Http, app);
      warningRoutes(api as Http, app);
      assessmentRoutes(api as Http, app);
      appealRoutes(api as Http, app);
      partyRoutes(api as Http, app);
      disclosureRoutes(api as Http, app);
      statsRoutes(api as Http, app);
      reportRoutes(api as Http, app);
      topicsRoutes(api as Http, app);
      forecastRoutes(api as Http, app);
    },
    { prefix: '/api/v1' },
  );
  // The public portal (URLs /api/v1/portal/…) in a context of its own: its routes carry their own rate limits.
  await http.register(async (portal) => portalRoutes(portal as Http, app), { prefix: '/api/v1' });
  // The public disclosure (公示): its JSON under /api/v1/public and its page at /disclosure, rate-limited per address.
  await http.register(async (open) => publicDisclosureRoutes(open as Http, app), { prefix: '/api/v1' });
  await http.register(async (open) => disclosurePageRoutes(open as Http, app));
  await registerWeb(http);
  return http;
}
