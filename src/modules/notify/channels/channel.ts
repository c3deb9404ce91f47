/**
 * The contract every outgoing notification channel implements: one message in, a provider
 * id (when the vendor gives one) out, and a ChannelError that says whether trying again later
 * can help.
 */

export type ChannelKind = 'email' | 'sms' | 'wecom' | 'dingtalk' | 'feishu';

export interface OutgoingMessage {
  /**
   * The notice's stable id: a notice sent again (after a crash) carries the same one, as the mail
   * Message-ID, the SMS provider's idempotency key, or a last line on a robot's message.
   */
  id?: string;
  /** email address, phone number, or ignored for group robots */
  to: string;
  subject: string;
  text: string;
  /** files sent with an e-mail (other channels ignore them) */
  attachments?: Array<{ filename: string; contentType: string; content: Buffer }>;
  /** optional vendor template for SMS providers that require one, with its parameters */
  template?: { code: string; params: Record<string, string> };
}

export interface SendResult {
  providerId?: string;
}

export interface ChannelAdapter {
  readonly channel: ChannelKind;
  send(message: OutgoingMessage): Promise<SendResult>;
}

/** Thrown for a failure worth retrying (network, 5xx, vendor rate limit) vs. permanent (bad config, rejected recipient). */
export class ChannelError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ChannelError';
  }
}

/** What a factory may be handed instead of the real thing, so tests can check signatures exactly. */
export interface ChannelDeps {
  fetch?: typeof fetch;
  /** milliseconds since the epoch */
  now?: () => number;
  /** a fresh unique string for each request */
  nonce?: () => string;
  /** how long one HTTP request or SMTP step may take; 10 s unless told */
  timeoutMs?: number;
  /** gives up a request in flight (the worker is shutting down) */
  signal?: AbortSignal;
}
