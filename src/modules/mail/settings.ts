import type { ActorContext, AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { badRequest, type FieldProblem } from '../../lib/errors.js';
import { requireAdmin } from '../org/index.js';
import { open, piiKeys, seal } from '../privacy/index.js';
import { readSetting, writeSetting } from '../settings/index.js';
import type { MailIntakeInput, MailIntakeView } from './schemas.js';

export { MailIntakeBody, type MailIntakeInput, MIN_POLL_SECONDS } from './schemas.js';

export const MAIL_INTAKE_SETTING = 'mail_intake';
const REDACTED = '********';

/** `mail_intake` setting: the IMAP mailbox complaints are read from. */
export interface MailIntakeSettings {
  enabled: boolean;
  host: string | null;
  port: number;
  /** TLS from the first byte (IMAPS, usually port 993); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string | null;
  /** Sealed like personal data, so that neither the settings row nor its history holds it in clear. */
  password: string | null;
  mailbox: string;
  /** A folder processed mail is moved to; without it, processed mail is flagged \Seen. */
  processedMailbox: string | null;
  /** The category new e-mail complaints get; null: the level-1 "other" category. */
  categoryId: number | null;
  pollSeconds: number;
}

export const DEFAULT_MAIL_INTAKE: MailIntakeSettings = {
  enabled: false,
  host: null,
  port: 993,
  secure: true,
  user: null,
  password: null,
  mailbox: 'INBOX',
  processedMailbox: null,
  categoryId: null,
  pollSeconds: 60,
};

export const toView = (s: MailIntakeSettings): MailIntakeView => ({
  ...s,
  password: s.password ? REDACTED : null,
});

export const readMailIntakeSettings = async (db: Db): Promise<MailIntakeSettings> => ({
  ...DEFAULT_MAIL_INTAKE,
  ...(await readSetting<Partial<MailIntakeSettings>>(db, MAIL_INTAKE_SETTING, {})),
});

/** The password for the IMAP login. */
export const openPassword = (app: Pick<AppContext, 'config'>, s: MailIntakeSettings) =>
  s.password ? open(piiKeys(app.config.secret), s.password) : '';

/** Replace the settings (admin); the stored password is kept when none is given. */
export async function saveMailIntakeSettings(
  ctx: ActorContext,
  input: MailIntakeInput,
): Promise<MailIntakeView> {
  requireAdmin(ctx.actor);
  const current = await readMailIntakeSettings(ctx.db);
  const secure = input.secure ?? DEFAULT_MAIL_INTAKE.secure;
  const next: MailIntakeSettings = {
    enabled: input.enabled,
    host: input.host ?? null,
    port: input.port ?? (secure ? 993 : 143),
    secure,
    user: input.user ?? null,
    // The mark read back from GET means "unchanged" like an omitted password.
    password:
      input.password && input.password !== REDACTED
        ? seal(piiKeys(ctx.config.secret), input.password)
        : current.password,
    mailbox: input.mailbox ?? DEFAULT_MAIL_INTAKE.mailbox,
    processedMailbox: input.processedMailbox ?? null,
    categoryId: input.categoryId ?? null,
    pollSeconds: input.pollSeconds ?? DEFAULT_MAIL_INTAKE.pollSeconds,
  };
  const problems: FieldProblem[] = [];
  if (next.enabled) {
    if (!next.host) problems.push({ path: '/host', code: 'required' });
    if (!next.user) problems.push({ path: '/user', code: 'required' });
    if (!next.password) problems.push({ path: '/password', code: 'required' });
  }
  if (next.processedMailbox !== null && next.processedMailbox === next.mailbox)
    problems.push({ path: '/processedMailbox', code: 'same_mailbox' });
  if (next.categoryId !== null) {
    const category = await ctx.db
      .selectFrom('categories')
      .select('active')
      .where('id', '=', next.categoryId)
      .executeTakeFirst();
    if (!category?.active) problems.push({ path: '/categoryId', code: 'unknown_category' });
  }
  if (problems.length) throw badRequest('validation_failed', problems);
  return toView(await writeSetting(ctx, MAIL_INTAKE_SETTING, next, DEFAULT_MAIL_INTAKE));
}

/**
 * The category of a new e-mail complaint: the configured one while it is active, else the first
 * active level-1 category coded `other`, else the first active level-1 category.
 */
export async function intakeCategory(db: Db, settings: MailIntakeSettings): Promise<number | null> {
  if (settings.categoryId !== null) {
    const configured = await db
      .selectFrom('categories')
      .select('id')
      .where('id', '=', settings.categoryId)
      .where('active', '=', 1)
      .executeTakeFirst();
    if (configured) return configured.id;
  }
  const rows = await db
    .selectFrom('categories')
    .select(['id', 'code'])
    .where('level', '=', 1)
    .where('active', '=', 1)
    .orderBy('sort')
    .orderBy('id')
    .execute();
  return (rows.find((r) => r.code === 'other') ?? rows[0])?.id ?? null;
}

/** The settings as the admin reads them back. */
export async function getMailIntakeSettings(ctx: ActorContext): Promise<MailIntakeView> {
  requireAdmin(ctx.actor);
  return toView(await readMailIntakeSettings(ctx.db));
}

export const isConfigured = (s: MailIntakeSettings) => s.enabled && Boolean(s.host && s.user && s.password);
