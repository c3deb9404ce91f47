import { describe, expect, it } from 'vitest';
import { open, piiKeys, seal } from '../../src/modules/privacy/pii.js';

const keys = piiKeys(Buffer.alloc(32, 1));
const ivOf = (sealed: string) =>
  Buffer.from(sealed.slice('v1:'.length), 'base64').subarray(0, 12).toString('hex');

describe('sealing personal data', () => {
  it('gives the same phone number a new random IV every time, across many draws of random bytes', () => {
    const sealed = Array.from({ length: 1000 }, () => seal(keys, '13800138000'));
    expect(new Set(sealed.map(ivOf)).size).toBe(1000);
    expect(new Set(sealed.map((s) => open(keys, s)))).toEqual(new Set(['13800138000']));
  });

  it('refuses a value changed at rest or sealed under another secret', () => {
    const sealed = seal(keys, '王女士');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[14] = (raw[14] ?? 0) ^ 1;
    expect(() => open(keys, `v1:${raw.toString('base64')}`)).toThrow();
    expect(() => open(piiKeys(Buffer.alloc(32, 2)), sealed)).toThrow();
    expect(open(keys, sealed)).toBe('王女士');
  });
});
