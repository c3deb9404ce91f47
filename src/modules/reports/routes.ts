import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { attachment } from '../evidence/index.js';
import { requestReport, setRecipients } from './commands.js';
import { reportEndpoints as e } from './endpoints.js';
import { listRecipients, listReports, openReportFile } from './queries.js';

export function reportRoutes(http: Http, app: AppContext): void {
  route(http, e.list, async (req) => listReports(actorContext(app, req), req.query));
  route(http, e.request, async (req, reply) =>
    reply.code(202).send(await requestReport(actorContext(app, req), req.body)),
  );
  route(http, e.recipients, async (req) => listRecipients(actorContext(app, req)));
  route(http, e.setRecipients, async (req, reply) => {
    await setRecipients(actorContext(app, req), req.body);
    return reply.code(204).send(null);
  });
  route(http, e.download, async (req, reply) => {
    const file = await openReportFile(actorContext(app, req), req.params.id, req.params.format);
    return reply
      .type(file.mediaType)
      .header('content-length', file.size)
      .header('content-disposition', attachment(file.filename))
      .header('cache-control', 'private, no-store')
      .send(file.stream);
  });
}
