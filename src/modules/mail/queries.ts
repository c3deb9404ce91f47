import type { ActorContext } from '../../context.js';
import { requireAdmin } from '../org/index.js';
import type { MAIL_INTAKE_STATES } from './schemas.js';
import { isConfigured, readMailIntakeSettings } from './settings.js';
import { readMailStatus } from './status.js';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

export type MailIntakeState = (typeof MAIL_INTAKE_STATES)[number];

/** How the mail intake is doing, for the admin: `ok`, `failing` (with the error), `never_polled` or `disabled`. */
export async function getMailIntakeStatus(ctx: ActorContext) {
  requireAdmin(ctx.actor);
  const [settings, s] = await Promise.all([readMailIntakeSettings(ctx.db), readMailStatus(ctx)]);
  const state: MailIntakeState = !isConfigured(settings)
    ? 'disabled'
    : s.consecutiveFailures > 0
      ? 'failing'
      : s.lastSuccessAt === null
        ? 'never_polled'
        : 'ok';
  return {
    state,
    lastAttemptAt: iso(s.lastAttemptAt),
    lastSuccessAt: iso(s.lastSuccessAt),
    consecutiveFailures: s.consecutiveFailures,
    lastError: s.lastError && {
      code: s.lastError.code,
      message: s.lastError.message,
      at: iso(s.lastError.at),
    },
    outageNoticeSent: s.outageNoticeSent,
    lastPoll: s.lastPoll && { ...s.lastPoll, at: iso(s.lastPoll.at) },
  };
}
