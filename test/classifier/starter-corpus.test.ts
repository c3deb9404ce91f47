import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  generateExpressCorpus,
  generateRetailCorpus,
} from '../../src/modules/classifier/corpus/generate/index.js';
import { type LoadedModel, loadModel, type Sample, trainModel } from '../../src/modules/classifier/model.js';
import {
  expressCorpus,
  expressModel,
  STARTER_OPTIONS,
  starterCorpus,
  starterModel,
} from '../../src/modules/classifier/starter-models.js';
import { CORRECTION_WEIGHT, ORGANISATION_WEIGHT, withStarter } from '../../src/modules/classifier/train.js';
import { parseTsv } from '../../src/modules/classifier/tsv.js';
import { accuracyOn, levelOne } from './level-one.js';

/** Generated texts per level-1 class. */
function perLevelOne(samples: Sample[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of samples) {
    const level1 = s.label.split('.')[0] as string;
    counts.set(level1, (counts.get(level1) ?? 0) + 1);
  }
  return counts;
}

/** A fixture of texts written independently of the corpora (text, level-1 label), and a model's accuracy on it. */
const fixture = (name: string) =>
  parseTsv(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

describe('the generated starter corpus', () => {
  it('is the same for a seed, thousands of distinct texts, every level-1 class of the express tree', () => {
    const a = generateExpressCorpus(5, 0.1);
    expect(generateExpressCorpus(5, 0.1)).toEqual(a);
    const full = generateExpressCorpus();
    expect(new Set(full.map((s) => s.text)).size).toBe(full.length);
    const counts = perLevelOne(full);
    expect([...counts.keys()].sort()).toEqual([
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
    for (const n of counts.values()) expect(n).toBeGreaterThanOrEqual(1000);
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

describe('the express starter on texts written independently of its corpus', () => {
  it('classifies 270 courier customers’ texts at level 1 better than the model of the tidy corpus alone', () => {
    const rows = fixture('express-colloquial.tsv');
    const tidyOnly = loadModel(trainModel(expressCorpus(), STARTER_OPTIONS));
    const [starter, tidy] = [accuracyOn(rows, expressModel()), accuracyOn(rows, tidyOnly)];
    console.log(
      `express starter on ${rows.length} independent courier texts: accuracy ${starter.toFixed(4)} (tidy corpus alone: ${tidy.toFixed(4)})`,
    );
    expect(rows.length).toBe(270);
    expect(starter).toBeGreaterThanOrEqual(0.9);
    expect(starter).toBeGreaterThan(tidy);
  });
});

describe('the retail starter', () => {
  it('is generated the same for a seed: thousands of distinct texts, every level-1 class of the retail tree', () => {
    expect(generateRetailCorpus(5, 0.1)).toEqual(generateRetailCorpus(5, 0.1));
    const full = generateRetailCorpus();
    expect(new Set(full.map((s) => s.text)).size).toBe(full.length);
    const counts = perLevelOne(full);
    expect([...counts.keys()].sort()).toEqual([
      'aftersales',
      'delivery',
      'food',
      'member',
      'other',
      'price',
      'promo',
      'quality',
      'service',
      'store',
    ]);
    for (const n of counts.values()) expect(n).toBeGreaterThanOrEqual(1000);
    // Texts that are no complaint at all (praise, questions) and policies make the widest class.
    expect(counts.get('other')).toBe(Math.max(...counts.values()));
  });

  it.each([
    ['买的酸奶打开一股酸臭味，都胀袋了', 'food'],
    ['面包里吃出头发😡', 'food'],
    ['收银员翻白眼，态度太差', 'service'],
    ['标价9.9结账收我15', 'price'],
    ['会员积分一直没到账', 'member'],
    ['退货半个月了钱还没退', 'aftersales'],
    ['满199减30结账没减', 'promo'],
    ['空调送来一周了还没装', 'delivery'],
    ['买到假茅台', 'quality'],
    ['请问你们几点关门', 'other'],
    ['你们家水果挺新鲜的，好评', 'other'],
  ])('puts the colloquial %s under %s', (text, level1) => {
    expect(levelOne(starterModel('retail'), text)).toBe(level1);
  });

  it('classifies shoppers’ texts written independently of its corpus (240, level 1)', () => {
    const rows = fixture('retail-colloquial.tsv');
    const accuracy = accuracyOn(rows, starterModel('retail'));
    console.log(
      `retail starter on ${rows.length} independent shopper texts: accuracy ${accuracy.toFixed(4)}`,
    );
    expect(rows.length).toBe(240);
    expect(accuracy).toBeGreaterThanOrEqual(0.85);
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
    const combined = withStarter(own, starterCorpus('express'), () => true);
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
    const starter = starterCorpus('express');
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
