import { PassThrough } from 'node:stream';
import type { AppContext } from '../../context.js';
import { pickLocale } from '../../i18n/index.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { statsEndpoints as e } from './endpoints.js';
import { writeStatsTable } from './export-table.js';
import { statsFigures } from './figures.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function statsRoutes(http: Http, app: AppContext): void {
  route(http, e.figures, async (req) => statsFigures(actorContext(app, req), req.query));
  route(http, e.exportTable, async (req, reply) => {
    const { table, ...query } = req.query;
    // Figures (and access) decided before the first byte; then streamed.
    const figures = await statsFigures(actorContext(app, req), query);
    const body = new PassThrough();
    writeStatsTable(body, figures, table, pickLocale(req.headers['accept-language'])).catch(
      (error: unknown) => {
        req.log.error({ err: error }, 'statistics export failed');
        body.destroy(error instanceof Error ? error : new Error(String(error)));
      },
    );
    return reply
      .type(XLSX)
      .header('content-disposition', `attachment; filename="stats-${table}-${figures.period.from}.xlsx"`)
      .send(body);
  });
}
