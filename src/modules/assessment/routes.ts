import { PassThrough, type Writable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { pickLocale } from '../../i18n/index.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { receiveUpload } from '../spreadsheets/index.js';
import { closePeriod, listClosedPeriods, reopenPeriod } from './close-period.js';
import { assessmentEndpoints as e } from './endpoints.js';
import { writePersonSheet, writeUnitSheet } from './export-sheets.js';
import { readRules, saveRules } from './settings.js';
import { personSheet, unitSheet } from './sheets.js';
import { listVolumes, saveVolumes, uploadVolumes } from './volumes.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The sheet is computed (and access decided) before the first byte; then streamed. */
function sendXlsx(
  req: FastifyRequest,
  reply: FastifyReply,
  filename: string,
  write: (out: Writable) => Promise<void>,
) {
  const body = new PassThrough();
  write(body).catch((error: unknown) => {
    req.log.error({ err: error }, 'assessment export failed');
    body.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return reply.type(XLSX).header('content-disposition', `attachment; filename="${filename}"`).send(body);
}

export function assessmentRoutes(http: Http, app: AppContext): void {
  route(http, e.mySheet, async (req) => {
    const ctx = actorContext(app, req);
    return personSheet(ctx, ctx.actor.userId, req.query);
  });
  route(http, e.personSheet, async (req) =>
    personSheet(actorContext(app, req), req.params.userId, req.query),
  );
  route(http, e.personSheetXlsx, async (req, reply) => {
    const sheet = await personSheet(actorContext(app, req), req.params.userId, req.query);
    const locale = pickLocale(req.headers['accept-language']);
    return sendXlsx(req, reply, `assessment-${sheet.person.id}-${sheet.period.from}.xlsx`, (out) =>
      writePersonSheet(out, sheet, locale),
    );
  });
  route(http, e.unitSheet, async (req) => unitSheet(actorContext(app, req), req.params.unitId, req.query));
  route(http, e.unitSheetXlsx, async (req, reply) => {
    const sheet = await unitSheet(actorContext(app, req), req.params.unitId, req.query);
    const locale = pickLocale(req.headers['accept-language']);
    return sendXlsx(req, reply, `unit-assessment-${sheet.unit.id}-${sheet.period.from}.xlsx`, (out) =>
      writeUnitSheet(out, sheet, locale),
    );
  });
  route(http, e.listPeriods, async (req) => ({ items: await listClosedPeriods(actorContext(app, req)) }));
  route(http, e.closePeriod, async (req) => closePeriod(actorContext(app, req), req.params.period));
  route(http, e.reopenPeriod, async (req, reply) => {
    await reopenPeriod(actorContext(app, req), req.params.period);
    return reply.code(204).send(null);
  });
  route(http, e.listVolumes, async (req) => ({
    items: await listVolumes(actorContext(app, req), req.query.period),
  }));
  route(http, e.saveVolumes, async (req) => saveVolumes(actorContext(app, req), req.body.rows));
  route(http, e.uploadVolumes, async (req) => {
    const ctx = actorContext(app, req);
    const upload = await receiveUpload(req);
    try {
      return await uploadVolumes(ctx, upload.path);
    } finally {
      await upload.done();
    }
  });
  route(http, e.getRules, async (req) => {
    actorContext(app, req);
    return readRules(app.db);
  });
  route(http, e.saveRules, async (req) => saveRules(actorContext(app, req), req.body));
}
