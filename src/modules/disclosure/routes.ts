import type { FastifyContextConfig } from 'fastify';
import type { AppContext } from '../../context.js';
import { DomainError, tooManyRequests } from '../../lib/errors.js';
import { isPeriod } from '../../lib/periods.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { editJudgement, prepareDisclosure, setPublished } from './commands.js';
import { disclosureEndpoints as e, publicDisclosureEndpoints as p } from './endpoints.js';
import { listPage, monthPage } from './page.js';
import { adminList, adminView, publicList, publicView } from './queries.js';

/** Requests per minute and address to the public answers (API and page), counted in this process. */
export const PUBLIC_REQUESTS_PER_MINUTE = 120;

export function disclosureRoutes(http: Http, app: AppContext): void {
  route(http, e.list, async () => adminList(app));
  route(http, e.get, async (req) => adminView(app, req.params.month));
  route(http, e.prepare, async (req, reply) => {
    await prepareDisclosure(actorContext(app, req), req.params.month, req.body);
    return reply.code(204).send(null);
  });
  route(http, e.editJudgement, async (req, reply) => {
    await editJudgement(actorContext(app, req), req.params.month, req.params.number, req.body);
    return reply.code(204).send(null);
  });
  route(http, e.publish, async (req, reply) => {
    await setPublished(actorContext(app, req), req.params.month, true);
    return reply.code(204).send(null);
  });
  route(http, e.unpublish, async (req, reply) => {
    await setPublished(actorContext(app, req), req.params.month, false);
    return reply.code(204).send(null);
  });
}

const limited: { config: FastifyContextConfig } = {
  config: {
    rateLimit: {
      max: PUBLIC_REQUESTS_PER_MINUTE,
      timeWindow: '1 minute',
      errorResponseBuilder: () => tooManyRequests(),
    },
  },
};

/** The public JSON under /api/v1/public (register with that prefix, in a context of its own like the portal). */
export function publicDisclosureRoutes(http: Http, app: AppContext): void {
  route(http, p.publicList, async () => publicList(app), limited);
  route(http, p.publicGet, async (req) => publicView(app, req.params.month), limited);
}

/** The public page, server-rendered: /disclosure (the months) and /disclosure/YYYY-MM; ?lang=en for English. */
export function disclosurePageRoutes(http: Http, app: AppContext): void {
  const locale = (q: unknown) => ((q as { lang?: string }).lang === 'en' ? 'en' : 'zh-CN');
  const html = 'text/html; charset=utf-8';
  http.get('/disclosure', { schema: { hide: true }, ...limited }, async (req, reply) =>
    reply
      .type(html)
      .header('cache-control', 'no-cache')
      .send(listPage(locale(req.query), (await publicList(app)).items)),
  );
  http.get('/disclosure/:month', { schema: { hide: true }, ...limited }, async (req, reply) => {
    const month = (req.params as { month: string }).month;
    try {
      if (!isPeriod(month)) throw new DomainError('disclosure_not_found', 'not_found');
      return reply
        .type(html)
        .header('cache-control', 'no-cache')
        .send(monthPage(locale(req.query), await publicView(app, month)));
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found')
        return reply
          .code(404)
          .type(html)
          .send(listPage(locale(req.query), (await publicList(app)).items));
      throw error;
    }
  });
}
