import { PassThrough } from 'node:stream';
import type { AppContext } from '../../context.js';
import { pickLocale } from '../../i18n/index.js';
import { localFormatter } from '../../lib/time.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { spreadsheetEndpoints as e, XLSX } from './endpoints.js';
import { prepareComplaintExport } from './export-complaints.js';
import { importComplaints } from './import-complaints.js';
import { importReportXlsx } from './import-report.js';
import { complaintTemplate } from './template.js';
import { receiveUpload } from './upload.js';

const attachment = (filename: string) => `attachment; filename="${filename}"`;

export function spreadsheetRoutes(http: Http, app: AppContext): void {
  route(http, e.template, async (req, reply) => {
    actorContext(app, req);
    return reply
      .type(XLSX)
      .header('content-disposition', attachment('kesu-complaint-template.xlsx'))
      .send(await complaintTemplate(app));
  });

  route(http, e.importComplaints, async (req, reply) => {
    const ctx = actorContext(app, req);
    const locale = pickLocale(req.headers['accept-language']);
    const upload = await receiveUpload(req);
    try {
      const report = await importComplaints(ctx, upload.path, { locale });
      if (req.query.format !== 'xlsx') return report;
      const workbook = await importReportXlsx(report, locale);
      return reply
        .type(XLSX)
        .header('content-disposition', attachment('kesu-import-report.xlsx'))
        .send(workbook);
    } finally {
      await upload.done();
    }
  });

  route(http, e.exportComplaints, async (req, reply) => {
    const ctx = actorContext(app, req);
    const { lang, ...filters } = req.query;
    const locale = lang ?? pickLocale(req.headers['accept-language']);
    // Bad filters are refused here, before the first byte of the file is sent.
    const exported = await prepareComplaintExport(ctx, filters, locale);
    const body = new PassThrough();
    exported.writeTo(body).catch((error: unknown) => {
      // A client that leaves mid-download destroys the body, which ends the export.
      if (body.destroyed) return req.log.info({ err: error }, 'export stopped: the client left');
      req.log.error({ err: error }, 'export failed');
      body.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    const stamp = localFormatter(app.config.timeZone)(app.clock.now()).replace(/[-: ]/g, '');
    return reply
      .type(XLSX)
      .header('content-disposition', attachment(`complaints-${stamp}.xlsx`))
      .send(body);
  });
}
