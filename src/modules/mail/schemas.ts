import { type Static, Type } from 'typebox';

/** The cron tick; `pollSeconds` below it would not be honoured. */
export const MIN_POLL_SECONDS = 15;

const folder = Type.String({ minLength: 1, maxLength: 200 });

export const MailIntakeBody = Type.Object(
  {
    enabled: Type.Boolean(),
    host: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 255 }), Type.Null()])),
    port: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 65535, description: 'default 993 with TLS, 143 without' }),
    ),
    secure: Type.Optional(Type.Boolean({ description: 'TLS from the start (IMAPS); default true' })),
    user: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 255 }), Type.Null()])),
    password: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 500,
        writeOnly: true,
        description: 'write-only; omit it (or send back the ******** read) to keep the stored one',
      }),
    ),
    mailbox: Type.Optional(Type.String({ ...folder, description: 'default INBOX' })),
    processedMailbox: Type.Optional(
      Type.Union([folder, Type.Null()], {
        description: 'move processed mail to this folder (created when missing); null: flag it \\Seen',
      }),
    ),
    categoryId: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
        description: 'category of new e-mail complaints; null: the level-1 "other" category',
      }),
    ),
    pollSeconds: Type.Optional(
      Type.Integer({ minimum: MIN_POLL_SECONDS, maximum: 3600, description: 'default 60' }),
    ),
  },
  { additionalProperties: false },
);
export type MailIntakeInput = Static<typeof MailIntakeBody>;

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/** The settings as an admin reads them: the password is never echoed, only `********` when one is set. */
export const MailIntakeView = Type.Object({
  enabled: Type.Boolean(),
  host: nullable(Type.String()),
  port: Type.Integer(),
  secure: Type.Boolean(),
  user: nullable(Type.String()),
  password: nullable(Type.String({ description: '******** when a password is stored' })),
  mailbox: Type.String(),
  processedMailbox: nullable(Type.String()),
  categoryId: nullable(Type.Integer()),
  pollSeconds: Type.Integer(),
});
export type MailIntakeView = Static<typeof MailIntakeView>;

const time = nullable(Type.String({ format: 'date-time' }));

export const MAIL_INTAKE_STATES = ['ok', 'failing', 'never_polled', 'disabled'] as const;

export const MailIntakeStatus = Type.Object({
  state: Type.Enum(MAIL_INTAKE_STATES),
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
