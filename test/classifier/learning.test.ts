import { describe, expect, it } from 'vitest';
import { evaluate, matches, summaryLine } from '../../src/modules/classifier/evaluate.js';
import { labelNames } from '../../src/modules/classifier/label-names.js';
import { loadModel, predict, trainModel } from '../../src/modules/classifier/model.js';
import { expressModel } from '../../src/modules/classifier/starter-models.js';
import { parseTsv, TsvError } from '../../src/modules/classifier/tsv.js';

const TOY = [
  ['快递三天没到，物流一直不动', 'delay'],
  ['包裹在中转站停了五天', 'delay'],
  ['派送太慢了，还没送到', 'delay'],
  ['物流很久没有动静，还没到', 'delay'],
  ['箱子破了，杯子碎了', 'damage'],
  ['外包装破损，东西摔坏了', 'damage'],
  ['收到的花瓶碎了', 'damage'],
  ['纸箱压扁了，里面的东西坏了', 'damage'],
].map(([text, label]) => ({ text: text as string, label: label as string }));

describe('evaluation', () => {
  it('counts a gold label naming an ancestor of the prediction as right', () => {
    expect(matches('delay', 'delay.transit')).toBe(true);
    expect(matches('delay.transit', 'delay.transit')).toBe(true);
    expect(matches('a/b', 'a/b/c')).toBe(true);
    expect(matches('delay.transit', 'delay.lastmile')).toBe(false);
    expect(matches('dela', 'delay.transit')).toBe(false);
  });

  it('names the express tree by code, Chinese and English names', async () => {
    // The express names come from the preset: no database needed.
    const names = await labelNames(undefined as never, { name: 'express', kind: 'starter' });
    expect(matches('延误', 'delay.transit', names)).toBe(true);
    expect(matches('Delay', 'delay.transit', names)).toBe(true);
    expect(matches('中转延误', 'delay.transit', names)).toBe(true);
    expect(matches('投递服务', 'delay.transit', names)).toBe(false);
  });

  it('computes accuracy and macro-F1 on a case worked out by hand', () => {
    // a: 2 of 3 right (one predicted b) → P 2/2, R 2/3, F1 0.8; b: 1 of 1 right plus the a → P 1/2, R 1, F1 2/3.
    const e = evaluate(['a', 'a', 'a', 'b'], ['a', 'a', 'b', 'b']);
    expect(e.accuracy).toBe(0.75);
    expect(e.macroF1).toBeCloseTo((0.8 + 2 / 3) / 2, 10);
    expect(e.confusion).toEqual([
      [2, 1, 0],
      [0, 1, 0],
    ]);
    expect(summaryLine(e)).toBe('accuracy: 0.7500 macro-f1: 0.7333 n: 4');
  });
});

describe('learning', () => {
  it('learns a toy corpus, deterministically, with confidences that sum to at most one', () => {
    const first = trainModel(TOY);
    expect(JSON.stringify(trainModel(TOY))).toBe(JSON.stringify(first));
    const model = loadModel(first);
    const p = predict(model, '物流不动，快递还没到');
    expect(p.category[0]?.label).toBe('delay');
    // What is missing from one is the chance that none of the labels is right.
    const total = p.category.reduce((s, r) => s + r.confidence, 0);
    expect(total).toBeGreaterThan(0.5);
    expect(total).toBeLessThanOrEqual(1 + 1e-9);
    expect(predict(model, '收到时外包装破损，碗碎了').category[0]?.label).toBe('damage');
    expect(p.priority).toBeNull();
  });

  it('handles empty and very long texts', () => {
    const model = loadModel(trainModel(TOY));
    expect(predict(model, '').category).toHaveLength(2);
    expect(predict(model, '箱子破了。'.repeat(20000)).category[0]?.label).toBe('damage');
  });

  it('reads labelled files and names the bad line', () => {
    expect(parseTsv('text\tlabel\tpriority\n丢了\tlost\tP2\n\n坏了\tdamage\t\n')).toEqual([
      { text: '丢了', label: 'lost', priority: 'P2' },
      { text: '坏了', label: 'damage' },
    ]);
    expect(() => parseTsv('text\tlabel\n丢了\tlost\n坏了\n')).toThrow(new TsvError(3, 'no label'));
    expect(() => parseTsv('words\tlabel\n')).toThrow(/line 1/);
  });
});

describe('the express starter model', () => {
  it.each([
    ['外包装破损，里面的杯子碎了', 'damage'],
    ['包裹在转运中心停了五天一直不动', 'delay'],
    ['驿站取快递还要收两块钱', 'fees'],
    ['物流显示已签收，可我根本没收到，也没人打电话', 'delivery'],
    ['快递丢了，网点说找不到了，要求赔偿', 'lost'],
    ['约好上午上门取件，等了一天没人来', 'pickup'],
    ['代收的货款一个月了还没返给我', 'cod'],
  ])('puts %s under %s', (text, level1) => {
    expect(predict(expressModel(), text).category[0]?.label.split('.')[0]).toBe(level1);
  });
});

describe('confidences of the express starter model', () => {
  it.each(['你好 请回电', '谢谢', 'asdf', '你好', '请尽快处理'])(
    'are low for %s, which says nothing about a category',
    (text) => {
      const top = predict(expressModel(), text).category[0];
      expect(top?.confidence).toBeLessThan(0.5);
    },
  );

  it.each([
    ['寄出去一个星期了，物流一直停在中转站不动，比说好的时效晚了好几天', 'delay'],
    ['收到包裹时外包装破损，里面的杯子也碎了', 'damage'],
    ['快递员态度很差，打电话还骂人', 'delivery'],
    ['快递丢了，网点说找不到了，要求赔偿', 'lost'],
  ])('stay high for a clear complaint: %s', (text, level1) => {
    const top = predict(expressModel(), text).category[0];
    expect(top?.label.split('.')[0]).toBe(level1);
    expect(top?.confidence).toBeGreaterThanOrEqual(0.85);
  });
});
