/**
 * Email over SMTP (nodemailer): one plain-text UTF-8 message for each notification, subjects
 * encoded for non-ASCII (Chinese) text. `secure` is implicit TLS (port 465); otherwise STARTTLS
 * is used whenever the server offers it. The notice's id makes the Message-ID, so a notice sent
 * again after a crash is the same message to the recipient's mail system.
 */
import type { NodemailerError } from 'nodemailer';
import { type ChannelAdapter, type ChannelDeps, ChannelError, type OutgoingMessage } from './channel.js';
import { DEFAULT_TIMEOUT_MS } from './http.js';
import type { EmailConfig } from './schemas.js';

/** Nodemailer error codes that point at the configuration, not at a passing condition. */
const PERMANENT_CODES = new Set(['EAUTH', 'ENOAUTH', 'ECONFIG', 'EENVELOPE', 'ETLS', 'EREQUIRETLS']);

export function createEmail(config: EmailConfig, deps?: ChannelDeps): ChannelAdapter {
  const timeout = deps?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Nodemailer is loaded with the first message, not with every process that might send one.
  const makeTransport = async () => {
    const { default: nodemailer } = await import('nodemailer');
    return nodemailer.createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      ...(config.user ? { auth: { user: config.user, pass: config.pass ?? '' } } : {}),
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout * 3,
    });
  };
  let transport: ReturnType<typeof makeTransport> | null = null;
  return {
    channel: 'email',
    async send(message: OutgoingMessage) {
      const to = message.to.trim();
      if (to === '') throw new ChannelError('email: no address to send to', false);
      try {
        transport ??= makeTransport();
        const info = await (await transport).sendMail({
          from: config.from,
          to,
          subject: message.subject,
          text: message.text,
          ...(message.attachments?.length ? { attachments: message.attachments } : {}),
          ...(message.id ? { messageId: messageIdFor(message.id, config.from) } : {}),
        });
        if (info.rejected.length > 0 && info.accepted.length === 0) {
          throw new ChannelError(`email: recipient refused: ${info.rejected.join(', ')}`, false);
        }
        return { providerId: info.messageId };
      } catch (err) {
        if (err instanceof ChannelError) throw err;
        throw toChannelError(err);
      }
    },
  };
}

/** `<notice-ID@domain>`, the domain the sender's. */
function messageIdFor(id: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'kesu.invalid';
  return `<notice-${id}@${domain}>`;
}

function toChannelError(err: unknown): ChannelError {
  const e = err as NodemailerError;
  const message = `email: ${e.message ?? String(err)}`;
  if (typeof e.permanent === 'boolean') return new ChannelError(message, !e.permanent, { cause: err });
  if (typeof e.responseCode === 'number') {
    return new ChannelError(message, e.responseCode < 500 || e.responseCode === 503, { cause: err });
  }
  return new ChannelError(message, !(e.code && PERMANENT_CODES.has(e.code)), { cause: err });
}
