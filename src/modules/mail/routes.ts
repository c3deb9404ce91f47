import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { mailEndpoints } from './endpoints.js';
import { getMailIntakeStatus } from './queries.js';
import { getMailIntakeSettings, saveMailIntakeSettings } from './settings.js';

/** 邮件接入: the IMAP mailbox complaints are read from, and how reading it goes (admin). */
export function mailRoutes(http: Http, app: AppContext): void {
  route(http, mailEndpoints.getMailIntake, async (req) => getMailIntakeSettings(actorContext(app, req)));
  route(http, mailEndpoints.saveMailIntake, async (req) =>
    saveMailIntakeSettings(actorContext(app, req), req.body),
  );
  route(http, mailEndpoints.getMailIntakeStatus, async (req) => getMailIntakeStatus(actorContext(app, req)));
}
