import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new signing secret, `whsec_` + 32 random bytes. */
export const newSigningSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" under the secret>`: the X-Kesu-Signature header. */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/**
 * What a receiver does (docs/webhooks.md shows the same in a few lines): recompute the HMAC of
 * "t.body" and compare in constant time; refuse a timestamp older than `toleranceSeconds`.
 */
export function verifySignature(
  secret: string,
  body: string,
  header: string,
  options: { nowSeconds: number; toleranceSeconds?: number },
): boolean {
  const parts = new Map(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(options.nowSeconds - t) > (options.toleranceSeconds ?? 300))
    return false;
  const expected = Buffer.from(signatureHeader(secret, body, t).split('v1=')[1] ?? '', 'hex');
  const given = Buffer.from(v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
