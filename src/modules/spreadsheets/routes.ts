import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { pickLocale } from '../../i18n/index.js';
import { badRequest, payloadTooLarge, unsupportedMediaType } from '../../lib/errors.js';
import { localFormatter } from '../../lib/time.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { spreadsheetEndpoints as e, XLSX } from './endpoints.js';
import { prepareComplaintExport } from './export-complaints.js';
import { importComplaints } from './import-complaints.js';
import { importReportXlsx } from './import-report.js';
import { complaintTemplate } from './template.js';

/** The largest spreadsheet accepted by upload (about 100,000 rows); `kesu import` has no limit. */
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const attachment = (filename: string) => `attachment; filename="${filename}"`;

/**
 * The uploaded file (multipart field `file`) in a private temp dir, so that it can be sniffed and
 * read as a whole; `done()` removes it. Too large: 413 and nothing is imported.
 */
async function receiveUpload(req: FastifyRequest): Promise<{ path: string; done(): Promise<void> }> {
  if (!req.isMultipart()) throw unsupportedMediaType();
  const dir = await mkdtemp(join(tmpdir(), 'kesu-import-'));
  const done = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, 'upload');
  let received = false;
  try {
    for await (const part of req.parts({ limits: { fileSize: MAX_IMPORT_BYTES } })) {
      if (part.type !== 'file') continue;
      // The first file of the field `file` is the spreadsheet; any other is read past.
      if (part.fieldname !== 'file' || received) {
        part.file.resume();
        continue;
      }
      const file = part.file as Readable & { truncated?: boolean };
      await pipeline(file, createWriteStream(path, { mode: 0o600 }));
      if (file.truncated) throw payloadTooLarge('payload_too_large', { maxBytes: MAX_IMPORT_BYTES });
      received = true;
    }
    if (!received) throw badRequest('validation_failed', [{ path: '/file', code: 'required' }]);
    return { path, done };
  } catch (error) {
    await done();
    // The multipart plugin reports a file over the limit as its own 413 error.
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw payloadTooLarge('payload_too_large', { maxBytes: MAX_IMPORT_BYTES });
    throw error;
  }
}

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
    const locale = pickLocale(req.headers['accept-language']);
    // Bad filters are refused here, before the first byte of the file is sent.
    const exported = await prepareComplaintExport(ctx, req.query, locale);
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
