import { describe, expect, it } from 'vitest';
import { termCounts } from '../../src/modules/classifier/features.js';
import { starterCorpus, starterModel } from '../../src/modules/classifier/starter-models.js';
import { textVector, vectorize } from '../../src/modules/classifier/vectorizer.js';

describe('the vector a suggestion is made from', () => {
  it('is the vector training made of the same text: same features, same weights', () => {
    const { model, index } = starterModel('express');
    const texts = [
      ...starterCorpus('express')
        .filter((_, i) => i % 7 === 0)
        .map((s) => s.text),
      ...starterCorpus('retail')
        .filter((_, i) => i % 11 === 0)
        .map((s) => s.text),
      '快递😡丢了！！单号ＳＦ１２３４５６７８９０，赔我３００元',
      '𠀀𠀁 包裹 𠀀 破损 𠀀𠀁',
      // Characters outside the basic plane inside a run of others, and a lone surrogate.
      '包裹𠀀破损了𠀁快递员送到𠀀𠀁门口',
      '快递\ud800丢了',
      // The same unknown grams in a run with such a character and in one without.
      'qzxv𠀀 qzxv 快递qzxv',
      'qwxz plmk 无法识别的词 zzzz',
      '',
    ];
    let known = 0;
    for (const text of texts) {
      const doc = termCounts(text);
      const trained = vectorize(doc, model, index);
      const { x, knownWords } = textVector(text, model, index);
      expect([...x.index]).toEqual([...trained.index]);
      x.value.forEach((v, k) => {
        expect(v).toBeCloseTo(trained.value[k] as number, 12);
      });
      expect(knownWords).toBe([...doc.words.keys()].filter((t) => t.startsWith('w:') && index.has(t)).length);
      known += x.index.length;
    }
    expect(known).toBeGreaterThan(texts.length * 20);
  });
});
