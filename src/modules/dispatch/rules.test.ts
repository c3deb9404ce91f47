import { describe, expect, it } from 'vitest';
import { firstMatch, pickHandler } from './rules.js';

const facts = {
  categoryPath: [1, 4],
  unitPath: '/1/2/',
  region: '上海市浦东新区',
  channel: 'phone',
  priority: 'P2',
  text: '外包装破损，要求赔偿',
};

describe('dispatch rules', () => {
  it('takes the first rule by position whose every condition holds', () => {
    const rules = [
      { id: 3, position: 3, conditions: {} },
      { id: 1, position: 1, conditions: { categoryId: 9 } },
      {
        id: 2,
        position: 2,
        conditions: { categoryId: 1, regions: ['上海'], keywords: ['破损', '丢失'], channels: ['phone'] },
      },
    ];
    expect(firstMatch(rules, facts)?.id).toBe(2);
    expect(firstMatch(rules, { ...facts, region: '深圳' })?.id).toBe(3);
    expect(firstMatch(rules.slice(1), { ...facts, text: '态度差' })).toBeUndefined();
    expect(
      firstMatch([{ id: 4, position: 1, conditions: { unitId: 2, priorities: ['P1', 'P2'] } }], facts)?.id,
    ).toBe(4);
    expect(firstMatch([{ id: 5, position: 1, conditions: { unitId: 3 } }], facts)).toBeUndefined();
  });

  it('hands out in turn, or to the least loaded handler', () => {
    const people = [
      { id: 7, open: 4 },
      { id: 5, open: 2 },
      { id: 9, open: 2 },
    ];
    expect(pickHandler('round_robin', people, 0)).toEqual({ userId: 5, nextCursor: 1 });
    expect(pickHandler('round_robin', people, 2)).toEqual({ userId: 9, nextCursor: 0 });
    expect(pickHandler('least_loaded', people, 0)?.userId).toBe(5);
    expect(pickHandler('none', people, 0)).toBeNull();
    expect(pickHandler('round_robin', [], 0)).toBeNull();
  });
});
