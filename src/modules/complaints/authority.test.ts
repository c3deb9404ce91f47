import { describe, expect, it } from 'vitest';
import {
  type AuthorityLimits,
  DEFAULT_AUTHORITY_LIMITS as limits,
  mayDecide,
  requiredApprover,
} from './authority.js';

describe('authority limits (处理权限)', () => {
  it('lets the agent decide up to ¥20, the supervisor up to ¥100, the manager above', () => {
    expect(mayDecide(limits, ['agent'], 2000, false)).toBe(true);
    expect(mayDecide(limits, ['agent'], 2001, false)).toBe(false);
    expect(requiredApprover(limits, 2001, false)).toBe('supervisor');
    expect(requiredApprover(limits, 10000, false)).toBe('supervisor');
    expect(requiredApprover(limits, 10001, false)).toBe('manager');
    expect(mayDecide(limits, ['manager'], 10_000_000, false)).toBe(true);
  });

  it('sends every remedy of a major complaint to the manager', () => {
    expect(mayDecide(limits, ['agent'], 0, true)).toBe(false);
    expect(mayDecide(limits, ['supervisor'], 100, true)).toBe(false);
    expect(requiredApprover(limits, 0, true)).toBe('manager');
    expect(mayDecide(limits, ['executive'], 100, true)).toBe(true);
  });

  it('gives handlers no authority of their own, and follows configured limits', () => {
    expect(mayDecide(limits, ['handler'], 0, false)).toBe(false);
    const custom: AuthorityLimits = {
      limits: { supervisor: 50000, executive: null },
      majorApprover: 'executive',
    };
    expect(requiredApprover(custom, 100, false)).toBe('supervisor');
    expect(requiredApprover(custom, 50001, false)).toBe('executive');
    expect(requiredApprover(custom, 1, true)).toBe('executive');
    expect(requiredApprover({ limits: { agent: 100 }, majorApprover: 'manager' }, 101, false)).toBeNull();
  });
});
