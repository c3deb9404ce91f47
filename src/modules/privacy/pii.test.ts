import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blindIndex, isSealed, lastFour, maskEmail, maskPhone, open, piiKeys, seal } from './pii.js';

const keys = piiKeys(randomBytes(32));

describe('personal data protection', () => {
  it('seals a phone number so that the stored text does not contain it, and opens it again', () => {
    const sealed = seal(keys, '13800138000');
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('13800138000');
    expect(seal(keys, '13800138000')).not.toBe(sealed);
    expect(open(keys, sealed)).toBe('13800138000');
  });

  it('refuses a tampered value and a value sealed under another secret', () => {
    const sealed = seal(keys, 'zhang@example.com');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[14] = (raw[14] ?? 0) ^ 1;
    const flipped = `v1:${raw.toString('base64')}`;
    expect(() => open(keys, flipped)).toThrow();
    expect(() => open(piiKeys(randomBytes(32)), sealed)).toThrow();
  });

  it('gives one blind index to every spelling of a number or address, and different ones across kinds and secrets', () => {
    const a = blindIndex(keys, 'phone', '13800138000');
    expect(blindIndex(keys, 'phone', '+86 138-0013-8000')).toBe(a);
    expect(blindIndex(keys, 'phone', '13800138001')).not.toBe(a);
    expect(blindIndex(keys, 'email', ' Zhang@Example.com')).toBe(
      blindIndex(keys, 'email', 'zhang@example.com'),
    );
    expect(blindIndex(piiKeys(randomBytes(32)), 'phone', '13800138000')).not.toBe(a);
  });

  it('masks as the console shows it', () => {
    expect(maskPhone('13800130000')).toBe('138****0000');
    expect(maskPhone('+86 138 0013 0000')).toBe('138****0000');
    expect(maskEmail('zhang.san@example.com')).toBe('z***@example.com');
    expect(lastFour('+8613800138000')).toBe('8000');
  });
});
