/**
 * A generic SMS gateway over signed JSON, for customers whose SMS provider Kesu does not speak
 * natively: they run a small gateway that takes this request and passes it on.
 *
 * ## The contract a gateway implements
 *
 * Kesu sends one request for each message:
 *
 *     POST <url>
 *     Content-Type: application/json; charset=utf-8
 *     X-Kesu-Timestamp: 1767225600            (Unix time in seconds, the same as "timestamp" below)
 *     X-Kesu-Nonce: 0b7e4f0e-…                (unique for each request, the same as "nonce" below)
 *     X-Kesu-Signature: 5d41402abc4b2a76…     (64 lower-case hex digits)
 *     Idempotency-Key: 9c1d…                   (the notice's id, the same as "id" below)
 *
 *     {"id":"9c1d…","to":"13800138000","text":"…","template":{"code":"SMS_1","params":{"no":"KS-1"}},
 *      "timestamp":1767225600,"nonce":"0b7e4f0e-…"}
 *
 * - `id`: the notice's stable id. A notice whose outcome Kesu could not learn (the gateway's answer
 *   was lost, the worker died mid-send) is sent again with the same id: the gateway must not send a
 *   message whose id it has already accepted, and answers as it did the first time.
 *
 * - `to`: the recipient's phone number as Kesu has it (for example `13800138000` or `+8613800138000`).
 * - `text`: the whole message, UTF-8.
 * - `template`: present only when the notification names a vendor template (code and string
 *   parameters), for providers that only send approved templates.
 *
 * The signature is `hex(HMAC-SHA256(secret, timestamp + "\n" + nonce + "\n" + rawBody))`, where
 * `secret` is the shared secret configured in Kesu (as UTF-8 bytes), `timestamp` and `nonce` are
 * the header values and `rawBody` is the request body exactly as received (bytes, before any JSON
 * parsing). A gateway should:
 * 1. recompute the signature and compare it in constant time, refusing the request with 401 if it
 *    differs;
 * 2. refuse (401) a timestamp more than 5 minutes from its own clock, and a nonce it has already
 *    seen within that window (replay);
 * 3. answer:
 *    - any 2xx once the provider took the message, optionally with a JSON body `{"id": "…"}`
 *      naming the provider's message id, which Kesu records;
 *    - 429 or 5xx for a failure that may pass (provider down, rate limit): Kesu tries again later;
 *    - any other 4xx for a failure that will not pass (invalid number, refused content, bad
 *      signature): Kesu gives up on that message and records the error. A short plain-text or
 *      JSON body explaining why is shown to administrators.
 */
import { createHmac } from 'node:crypto';
import { type ChannelAdapter, type ChannelDeps, ChannelError, type OutgoingMessage } from './channel.js';
import { isRecord, post, resolveDeps, statusError } from './http.js';
import type { GenericSmsConfig } from './schemas.js';

/** The signature a generic gateway checks: hex(HMAC-SHA256(secret, timestamp \n nonce \n rawBody)). */
export function genericSmsSignature(
  secret: string,
  timestamp: string,
  nonce: string,
  rawBody: string,
): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${nonce}\n${rawBody}`).digest('hex');
}

export function createGenericSms(config: GenericSmsConfig, deps?: ChannelDeps): ChannelAdapter {
  const d = resolveDeps(deps);
  const label = 'SMS gateway';
  return {
    channel: 'sms',
    async send(message: OutgoingMessage) {
      const to = message.to.trim();
      if (to === '') throw new ChannelError(`${label}: no phone number to send to`, false);
      const timestamp = String(Math.floor(d.now() / 1000));
      const nonce = d.nonce();
      const rawBody = JSON.stringify({
        ...(message.id ? { id: message.id } : {}),
        to,
        text: message.text,
        ...(message.template ? { template: message.template } : {}),
        timestamp: Number(timestamp),
        nonce,
      });
      const answer = await post(d, {
        label,
        url: config.url,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'x-kesu-timestamp': timestamp,
          'x-kesu-nonce': nonce,
          'x-kesu-signature': genericSmsSignature(config.secret, timestamp, nonce, rawBody),
          ...(message.id ? { 'idempotency-key': message.id } : {}),
        },
        body: rawBody,
      });
      if (answer.status < 200 || answer.status >= 300) throw statusError(label, answer);
      const id = isRecord(answer.json) ? answer.json.id : undefined;
      return typeof id === 'string' || typeof id === 'number' ? { providerId: String(id) } : {};
    },
  };
}
