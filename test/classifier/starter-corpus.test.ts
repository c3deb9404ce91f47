import { describe, expect, it } from 'vitest';
import { generateExpressCorpus } from '../../src/modules/classifier/corpus/generate/index.js';
import { expressModel, starterCorpus } from '../../src/modules/classifier/express-model.js';
import {
  type LoadedModel,
  loadModel,
  predict,
  type Sample,
  trainModel,
} from '../../src/modules/classifier/model.js';
import { CORRECTION_WEIGHT, ORGANISATION_WEIGHT, withStarter } from '../../src/modules/classifier/train.js';

const levelOne = (model: LoadedModel, text: string) => predict(model, text).category[0]?.label.split('.')[0];

describe('the generated starter corpus', () => {
  it('is the same for a seed, thousands of distinct texts, every level-1 class of the express tree', () => {
    const a = generateExpressCorpus(5, 0.1);
    expect(generateExpressCorpus(5, 0.1)).toEqual(a);
    const full = generateExpressCorpus();
    expect(new Set(full.map((s) => s.text)).size).toBe(full.length);
    const perLevelOne = new Map<string, number>();
    for (const s of full)
      perLevelOne.set(
        s.label.split('.')[0] as string,
        (perLevelOne.get(s.label.split('.')[0] as string) ?? 0) + 1,
      );
    expect([...perLevelOne.keys()].sort()).toEqual([
      'cod',
      'damage',
      'delay',
      'delivery',
      'fees',
      'info',
      'lost',
      'other',
      'pickup',
    ]);
    for (const n of perLevelOne.values()) expect(n).toBeGreaterThanOrEqual(1000);
  });
});

describe('the express starter model on how customers write', () => {
  it.each([
    '衣服质量太差了，洗一次就掉色',
    '这价格也太贵了吧，隔天就降价，不给保价',
    '味道一般，分量也少，不会再点了',
    '东西挺好的，物流也快，好评',
    '客服一直不回消息，商家推来推去',
    '和图片完全不一样，做工粗糙',
  ])('puts %s (the goods, the price, the shop) under 其他', (text) => {
    expect(levelOne(expressModel(), text)).toBe('other');
  });

  it.each([
    ['等了近两个小时才送到', 'delay'],
    ['一直显示运输中，一个礼拜了还没到，磨磨蹭蹭的', 'delay'],
    ['下单三天了还不发货，咋回事', 'delay'],
    ['打开的时候都挤出来了', 'damage'],
    ['箱子压扁了，里面的酸奶漏了一箱子', 'damage'],
    ['收到的花瓶碎成渣了😡', 'damage'],
    ['快第丢了，客服说找不到了', 'lost'],
    ['买了六瓶只收到四瓶，少发了两瓶', 'lost'],
  ])('puts the colloquial %s under %s', (text, level1) => {
    expect(levelOne(expressModel(), text)).toBe(level1);
  });
});

/**
 * An organisation whose customers write about cold-chain trouble in their own words, and whose
 * handlers file "冷链" temperature complaints under spoiled food and "热线打不通" under attitude.
 */
const OWN: Array<[string, string, boolean]> = [
  ['冷链车温度没控住，到手榴莲软塌塌', 'damage.contents.perishable', false],
  ['泡沫箱里冰袋全没了，车厘子捂出水', 'damage.contents.perishable', true],
  ['温控记录断了一段，三文鱼颜色发暗', 'damage.contents.perishable', false],
  ['冷链不冷，冻品到手是软的', 'damage.contents.perishable', true],
  ['冰袋早化成水了，海鲜一股味', 'damage.contents.perishable', false],
  ['保温箱没封好，冻饺子粘成一坨', 'damage.contents.perishable', true],
  ['热线打了二十遍都打不通', 'delivery.attitude', true],
  ['客服热线一直占线，没人管', 'delivery.attitude', false],
  ['网点电话永远没人接', 'delivery.attitude', true],
  ['热线转人工转了半小时也没接通', 'delivery.attitude', false],
  ['打网点电话一直忙音', 'delivery.attitude', true],
  ['热线排队排了四十分钟没人应', 'delivery.attitude', false],
];
const HELD_OUT: Array<[string, string]> = [
  ['冷链温度不够，冻虾到手化软了', 'damage'],
  ['冰袋全化了，牛排软塌塌的', 'damage'],
  ['保温箱里没冰，冻品粘成一坨', 'damage'],
  ['热线一直打不通，网点电话也没人接', 'delivery'],
  ['客服热线占线一下午', 'delivery'],
  ['网点电话忙音，转人工也没接通', 'delivery'],
];

const accuracy = (model: LoadedModel) =>
  HELD_OUT.filter(([text, level1]) => levelOne(model, text) === level1).length / HELD_OUT.length;

describe('learning from the organisation', () => {
  it('retrained on its complaints and corrections with the starter corpus, does better on its texts than the starter model', () => {
    const own: Sample[] = OWN.map(([text, label, corrected]) => ({
      text,
      label,
      priority: 'P3',
      weight: corrected ? CORRECTION_WEIGHT : ORGANISATION_WEIGHT,
    }));
    const combined = withStarter(own, starterCorpus(), () => true);
    // The starter fills in (a share of it, every category) while the organisation's rows are few.
    expect(combined.length).toBeGreaterThan(own.length + 1000);
    expect(new Set(combined.map((s) => s.label)).size).toBeGreaterThan(20);
    const retrained = loadModel(trainModel(combined));
    const before = accuracy(expressModel());
    const after = accuracy(retrained);
    expect(after).toBeGreaterThan(before);
    expect(after).toBeGreaterThanOrEqual(5 / 6);
    // It still knows what the starter taught it.
    expect(levelOne(retrained, '打开的时候都挤出来了')).toBe('damage');
  });

  it('lets the starter fade as the organisation’s own rows grow', () => {
    const starter = starterCorpus();
    const rows = (n: number) =>
      withStarter(
        Array.from({ length: n }, (_, i) => ({ text: `投诉${i}`, label: 'other.misc' })),
        starter,
        () => true,
      ).length - n;
    expect(rows(10)).toBeGreaterThan(rows(1000));
    expect(rows(1000)).toBeGreaterThan(rows(20000));
  });
});
