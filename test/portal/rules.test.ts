import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { titleFromContent } from '../../src/modules/portal/register-from-portal.js';
import {
  newTrackingCode,
  newTrackingToken,
  signAccessToken,
  tokenMatches,
  trackingTokenHash,
  verifyAccessToken,
} from '../../src/modules/portal/secrets.js';

const secret = Buffer.alloc(32, 9);

describe('portal rules', () => {
  it('titles a complaint from the first line of its content', () => {
    expect(titleFromContent('  包裹破损\n里面的杯子碎了')).toBe('包裹破损');
    const long = '我的快递从上周一开始就一直显示在转运中心没有任何更新，客服电话也打不通';
    const title = titleFromContent(long);
    expect(Array.from(title)).toHaveLength(30);
    expect(title.endsWith('…')).toBe(true);
  });

  it('makes short tracking tokens to write down, matched only by their keyed hash, typed either way', () => {
    const token = newTrackingToken();
    // Ten characters without 0/O or 1/I/L, in two groups of five: about 49.5 random bits.
    expect(token).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    const tokens = new Set(Array.from({ length: 2000 }, newTrackingToken));
    expect(tokens.size).toBe(2000);
    const hash = trackingTokenHash(secret, token);
    expect(hash).not.toContain(token.replace('-', ''));
    expect(tokenMatches(secret, hash, token)).toBe(true);
    expect(tokenMatches(secret, hash, token.replace('-', '').toLowerCase())).toBe(true);
    expect(tokenMatches(secret, hash, ` ${token.slice(0, 5)} ${token.slice(6)} `)).toBe(true);
    expect(tokenMatches(secret, hash, `${token}X`)).toBe(false);
    expect(tokenMatches(Buffer.alloc(32, 1), hash, token)).toBe(false);
    expect(tokenMatches(secret, null, token)).toBe(false);
    expect(newTrackingCode()).toMatch(/^\d{6}$/);
  });

  it('still accepts the long tokens handed out before, exactly as they were given', () => {
    const old = 'q3Xv9_KpL2mN8rT4yB7cW1zA';
    const stored = createHash('sha256').update(old).digest('hex');
    expect(tokenMatches(secret, stored, old)).toBe(true);
    expect(tokenMatches(secret, stored, old.toUpperCase())).toBe(false);
  });

  it('accepts an access token only for its complaint, unaltered and before it expires', () => {
    const now = Date.UTC(2026, 10, 25);
    const token = signAccessToken(secret, 'KS20261125-000001', now + 60_000);
    expect(verifyAccessToken(secret, token, 'KS20261125-000001', now)).toBe(true);
    expect(verifyAccessToken(secret, token, 'KS20261125-000002', now)).toBe(false);
    expect(verifyAccessToken(secret, token, 'KS20261125-000001', now + 60_000)).toBe(false);
    expect(verifyAccessToken(Buffer.alloc(32, 1), token, 'KS20261125-000001', now)).toBe(false);
    const [, signature] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ n: 'KS20261125-000002', e: now + 60_000 })).toString('base64url')}.${signature}`;
    expect(verifyAccessToken(secret, forged, 'KS20261125-000002', now)).toBe(false);
    expect(verifyAccessToken(secret, 'garbage', 'KS20261125-000001', now)).toBe(false);
  });
});
