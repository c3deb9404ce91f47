import { describe, expect, it } from 'vitest';
import { matchTopics } from './follow.js';
import { normalised, type Vector } from './vectors.js';
import { topicWarnings } from './warnings.js';

const v = (weights: Record<string, number>): Vector => normalised(new Map(Object.entries(weights)));

describe('topics from one day to the next', () => {
  it('keeps the id of the nearest earlier topic, each earlier topic once, and leaves the rest new', () => {
    const known = [
      { id: 7, centroid: v({ 暴雨: 1, 泡水: 1, 仓库: 1 }) },
      { id: 9, centroid: v({ 冒充: 1, 理赔: 1 }) },
    ];
    const today = [
      { centroid: v({ 暴雨: 1, 泡水: 1, 仓库: 0.5, 进水: 0.5 }) },
      { centroid: v({ 暴雨: 1, 泡水: 0.9, 仓库: 1 }) },
      { centroid: v({ 驿站: 1, 收费: 1 }) },
    ];
    expect(matchTopics(today, known)).toEqual([null, 7, null]);
  });
});

describe('warnings from hot topics', () => {
  const topic = { topicId: 3, words: ['暴雨', '泡水'], unitId: 4, complaintIds: [10, 11] };
  it('warns of a new topic that at least doubles, not of an old or slow or small one', () => {
    const found = topicWarnings([
      { ...topic, size: 12, previous: 4, ageDays: 1 },
      { ...topic, topicId: 4, size: 12, previous: 0, ageDays: 0 },
      { ...topic, topicId: 5, size: 12, previous: 8, ageDays: 1 },
      { ...topic, topicId: 6, size: 12, previous: 2, ageDays: 20 },
      { ...topic, topicId: 8, size: 4, previous: 0, ageDays: 0 },
    ]);
    expect(found.map((w) => w.scope.key)).toEqual(['3', '4']);
    expect(found[0]).toEqual({
      kind: 'topic',
      scope: { kind: 'topic', key: '3' },
      figures: { size: 12, previous: 4, growth: 2, words: ['暴雨', '泡水'] },
      complaintIds: [10, 11],
      unitId: 4,
    });
  });
});
