import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { actorContext, type Http } from '../../server/http.js';
import { getMailIntakeStatus } from './queries.js';
import { getMailIntakeSettings, MailIntakeBody, saveMailIntakeSettings } from './settings.js';

const tags = ['mail intake'];
const time = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

const StatusResponse = Type.Object({
  state: Type.Enum(['ok', 'failing', 'never_polled', 'disabled']),
  lastAttemptAt: time,
  lastSuccessAt: time,
  consecutiveFailures: Type.Integer(),
  lastError: Type.Union([
    Type.Object({ code: Type.String(), message: Type.String(), at: time }),
    Type.Null(),
  ]),
  outageNoticeSent: Type.Boolean({ description: 'the admins were told of the current outage' }),
  lastPoll: Type.Union([
    Type.Object({
      at: time,
      complaints: Type.Integer(),
      messages: Type.Integer(),
      alreadyTaken: Type.Integer(),
      failed: Type.Array(Type.Object({ uid: Type.Integer(), code: Type.String() }), {
        description: 'mail left unprocessed on the server, with why',
      }),
    }),
    Type.Null(),
  ]),
});

/** 邮件接入: the IMAP mailbox complaints are read from, and how reading it goes (admin). */
export function mailRoutes(http: Http, app: AppContext): void {
  http.get('/settings/mail-intake', { schema: { tags, summary: 'mailbox settings (admin)' } }, async (req) =>
    getMailIntakeSettings(actorContext(app, req)),
  );
  http.put(
    '/settings/mail-intake',
    {
      schema: {
        tags,
        summary: 'replace the mailbox settings (admin); the password is kept when omitted',
        body: MailIntakeBody,
      },
    },
    async (req) => saveMailIntakeSettings(actorContext(app, req), req.body),
  );
  http.get(
    '/settings/mail-intake/status',
    {
      schema: {
        tags,
        summary: 'last poll, last error and consecutive failures (admin)',
        response: { 200: StatusResponse },
      },
    },
    async (req) => getMailIntakeStatus(actorContext(app, req)),
  );
}
