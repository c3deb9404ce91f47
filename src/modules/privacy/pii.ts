import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomFillSync } from 'node:crypto';

/**
 * Personal data at rest: AES-256-GCM for the value, HMAC-SHA256 blind index for exact lookup.
 * Both keys are derived from the configured secret (HKDF), so one secret protects the database.
 */
export interface PiiKeys {
  encryption: Buffer;
  index: Buffer;
}

const CIPHER = 'aes-256-gcm';
const SEALED_PREFIX = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const keyCache = new WeakMap<Buffer, PiiKeys>();

export function piiKeys(secret: Buffer): PiiKeys {
  let keys = keyCache.get(secret);
  if (!keys) {
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'kesu', info, 32));
    keys = { encryption: derive('pii-encryption'), index: derive('pii-blind-index') };
    keyCache.set(secret, keys);
  }
  return keys;
}

/** Random IVs, drawn from OpenSSL 4 KiB at a time rather than 12 bytes a call; none is handed out twice. */
const ivPool = Buffer.alloc(IV_BYTES * 341);
let ivTaken = ivPool.length;
function freshIv(): Buffer {
  if (ivTaken === ivPool.length) {
    randomFillSync(ivPool);
    ivTaken = 0;
  }
  ivTaken += IV_BYTES;
  return ivPool.subarray(ivTaken - IV_BYTES, ivTaken);
}

/** `v1:` + base64(iv ‖ ciphertext ‖ tag). */
export function seal(keys: PiiKeys, value: string): string {
  const iv = freshIv();
  const cipher = createCipheriv(CIPHER, keys.encryption, iv);
  const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return SEALED_PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
}

export const isSealed = (value: string) => value.startsWith(SEALED_PREFIX);

/** Decrypt a sealed value; throws when it was tampered with or sealed under another secret. */
export function open(keys: PiiKeys, sealed: string): string {
  if (!isSealed(sealed)) throw new Error('not a sealed value');
  const raw = Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64');
  const iv = raw.subarray(0, IV_BYTES);
  const tag = raw.subarray(raw.length - TAG_BYTES);
  const decipher = createDecipheriv(CIPHER, keys.encryption, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([
    decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)),
    decipher.final(),
  ]).toString('utf8');
}

/**
 * How a value is sealed, with the key: for code that opens sealed values away from this module (an
 * export's reader thread, db/sqlite-reader.ts, opens the phones of the rows it reads).
 */
export const sealedValues = (keys: PiiKeys) => ({
  cipher: CIPHER,
  key: keys.encryption,
  prefix: SEALED_PREFIX,
  ivBytes: IV_BYTES,
  tagBytes: TAG_BYTES,
});

export const sealOrNull = (keys: PiiKeys, value: string | null | undefined) =>
  value ? seal(keys, value) : null;
export const openOrNull = (keys: PiiKeys, sealed: string | null) => (sealed ? open(keys, sealed) : null);

export type PiiKind = 'phone' | 'email';

/** The canonical form two spellings of one phone or address share: 138-0013-8000 = +86 13800138000. */
export function normalise(kind: PiiKind, value: string): string {
  if (kind === 'email') return value.trim().toLowerCase();
  const digits = value.replace(/[^\d+]/g, '');
  return digits.replace(/^(\+?86)(?=1[3-9]\d{9}$)/, '');
}

/** Keyed hash of the normalised value: equal values match, the index reveals nothing without the key. */
export function blindIndex(keys: PiiKeys, kind: PiiKind, value: string): string {
  return createHmac('sha256', keys.index)
    .update(`${kind}:${normalise(kind, value)}`)
    .digest('base64url')
    .slice(0, 32);
}

export const blindIndexOrNull = (keys: PiiKeys, kind: PiiKind, value: string | null | undefined) =>
  value ? blindIndex(keys, kind, value) : null;

/** 138****0000 — the first three and the last four digits. */
export function maskPhone(phone: string): string {
  const n = normalise('phone', phone);
  return n.length >= 7 ? `${n.slice(0, 3)}****${n.slice(-4)}` : '****';
}

export { maskName } from '../../lib/mask-name.js';

/** z***@example.com — the first character of the local part and the domain. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at > 0 ? `${email[0]}***${email.slice(at)}` : '***';
}

export const mask = (kind: PiiKind, value: string) =>
  kind === 'phone' ? maskPhone(value) : maskEmail(value);

/** The last four digits of a phone number (the customer's proof of ownership when tracking). */
export const lastFour = (phone: string) => normalise('phone', phone).slice(-4);
