/** What the HTTP adapters share: one POST with a time limit, and the answer read once. */
import { randomUUID } from 'node:crypto';
import { type ChannelDeps, ChannelError, type OutgoingMessage } from './channel.js';

export const DEFAULT_TIMEOUT_MS = 10_000;

export interface HttpAnswer {
  status: number;
  /** the answer's body as text */
  text: string;
  /** the body parsed as JSON, or undefined when it is not JSON */
  json: unknown;
}

export interface ResolvedDeps {
  fetch: typeof fetch;
  now: () => number;
  nonce: () => string;
  timeoutMs: number;
  signal?: AbortSignal;
}

export function resolveDeps(deps: ChannelDeps | undefined): ResolvedDeps {
  return {
    fetch: deps?.fetch ?? globalThis.fetch,
    now: deps?.now ?? Date.now,
    nonce: deps?.nonce ?? randomUUID,
    timeoutMs: deps?.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    signal: deps?.signal,
  };
}

/** One POST: `label` names the channel in errors (never the URL). */
export interface HttpPost {
  label: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * POSTs and reads the answer. A failure to reach the server or a time-out is a retryable
 * ChannelError; the URL is never put in the message, since robots carry their token in it.
 */
export async function post(deps: ResolvedDeps, request: HttpPost): Promise<HttpAnswer> {
  const { label, url, headers, body } = request;
  let response: Response;
  let text: string;
  try {
    response = await deps.fetch(url, {
      method: 'POST',
      headers: { 'user-agent': 'kesu', ...headers },
      body,
      signal: deps.signal
        ? AbortSignal.any([AbortSignal.timeout(deps.timeoutMs), deps.signal])
        : AbortSignal.timeout(deps.timeoutMs),
      redirect: 'manual',
    });
    text = await response.text();
  } catch (err) {
    throw new ChannelError(`${label}: request failed: ${describe(err)}`, true, { cause: err });
  }
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

/** 429 and 5xx are worth another try; any other failure status is not. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** A failure status as a ChannelError, with a short excerpt of what the server said. */
export function statusError(label: string, answer: HttpAnswer): ChannelError {
  const excerpt = answer.text.length > 200 ? `${answer.text.slice(0, 200)}…` : answer.text;
  return new ChannelError(
    `${label}: HTTP ${answer.status}${excerpt ? `: ${excerpt}` : ''}`,
    isRetryableStatus(answer.status),
  );
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A group robot shows one block of text: the subject as its first line, then the text, then the
 * notice's id (robots offer no idempotency: a notice posted again after a crash is recognisable).
 */
export function robotContent(message: OutgoingMessage): string {
  return [message.subject.trim(), message.text.trim(), noticeIdLine(message)]
    .filter((part) => part !== '')
    .join('\n');
}

/** The last line of a robot's message that names the notice, or '' when it has no id. */
export const noticeIdLine = (message: OutgoingMessage) => (message.id ? `[${message.id}]` : '');

/** Cuts a string to at most maxBytes of UTF-8 without splitting a character, marking the cut with "…". */
export function truncateUtf8(value: string, maxBytes: number): string {
  if (Buffer.byteLength(value, 'utf8') <= maxBytes) return value;
  const budget = maxBytes - Buffer.byteLength('…', 'utf8');
  let bytes = 0;
  let end = 0;
  for (const char of value) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > budget) break;
    bytes += size;
    end += char.length;
  }
  return `${value.slice(0, end)}…`;
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    if (err.name === 'TimeoutError') return 'timed out';
    const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
    return `${err.message}${cause}`;
  }
  return String(err);
}
