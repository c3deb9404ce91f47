import { describe, expect, it } from 'vitest';
import { open, piiKeys, seal, sealedValues } from '../../src/modules/privacy/pii.js';

const keys = piiKeys(Buffer.alloc(32, 1));
const { prefix, ivBytes } = sealedValues(keys);
const rawOf = (sealed: string) => Buffer.from(sealed.slice(prefix.length), 'base64');
const ivOf = (sealed: string) => rawOf(sealed).subarray(0, ivBytes).toString('hex');

describe('sealing personal data', () => {
  it('gives the same phone number a new random IV every time, across many draws of random bytes', () => {
    const sealed = Array.from({ length: 1000 }, () => seal(keys, '13800138000'));
    expect(new Set(sealed.map(ivOf)).size).toBe(1000);
    expect(new Set(sealed.map((s) => open(keys, s)))).toEqual(new Set(['13800138000']));
  });

  it('refuses a value changed at rest or sealed under another secret', () => {
    const sealed = seal(keys, '王女士');
    const raw = rawOf(sealed);
    // A bit of the ciphertext, just after the IV.
    raw[ivBytes] = (raw[ivBytes] ?? 0) ^ 1;
    expect(() => open(keys, `${prefix}${raw.toString('base64')}`)).toThrow();
    expect(() => open(piiKeys(Buffer.alloc(32, 2)), sealed)).toThrow();
    expect(open(keys, sealed)).toBe('王女士');
  });
});
