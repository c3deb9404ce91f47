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

  it('makes tracking tokens of at least 128 random bits and matches them only by their hash', () => {
    const token = newTrackingToken();
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(newTrackingToken()).not.toBe(token);
    expect(tokenMatches(trackingTokenHash(token), token)).toBe(true);
    expect(tokenMatches(trackingTokenHash(token), `${token}x`)).toBe(false);
    expect(tokenMatches(null, token)).toBe(false);
    expect(newTrackingCode()).toMatch(/^\d{6}$/);
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
