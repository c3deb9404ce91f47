import { describe, expect, it } from 'vitest';
import { type PersonalValues, type PublicationTexts, textProblems } from './rules.js';

const values: PersonalValues = {
  number: 'KS20260313-000042',
  name: '欧阳晓燕',
  phone: '+86 139 1234 5678',
  email: 'ouyang.xiaoyan@example.cn',
  waybill: 'SF9876543210',
  order: 'JD20260313001',
  batch: null,
};
const clean: PublicationTexts = {
  category: '延误 / 中转延误',
  cause: '2026-03-13 14:30 中转场夜班分拣能力不足，包裹滞留 2 天',
  result: '判定为有效投诉（业务差错），赔偿 50 元',
  measures: '自 2026年3月20日起增加夜班两人',
};
const problemsIn = (field: keyof PublicationTexts, text: string) =>
  textProblems({ ...clean, [field]: text }, values).map((p) => [p.field, p.code, p.kind]);

describe('publication texts (公示内容)', () => {
  it('passes texts with dates, times, days and amounts', () => {
    expect(textProblems(clean, values)).toEqual([]);
  });

  it('finds the complaint’s own values however they are written', () => {
    expect(problemsIn('result', '已向欧阳 晓燕女士致歉')).toEqual([['result', 'personal_value', 'name']]);
    expect(problemsIn('cause', '来电 139-1234-5678')).toEqual([['cause', 'personal_value', 'phone']]);
    expect(problemsIn('cause', '尾号 12345678 的客户')).toEqual([['cause', 'personal_value', 'phone']]);
    expect(problemsIn('measures', 'OUYANG.XIAOYAN@example.cn')).toEqual([
      ['measures', 'personal_value', 'email'],
    ]);
    expect(problemsIn('category', '运单sf9876543210')).toEqual([['category', 'personal_value', 'waybill']]);
    expect(problemsIn('cause', '投诉 KS20260313-000042')).toEqual([['cause', 'personal_value', 'number']]);
  });

  it('refuses anything shaped like a phone, an e-mail or a waybill even when it is someone else’s', () => {
    expect(problemsIn('cause', '请拨打 021-5566 7788')).toEqual([['cause', 'phone_like', undefined]]);
    expect(problemsIn('cause', '身份证 310101199001011234')).toEqual([['cause', 'phone_like', undefined]]);
    expect(problemsIn('measures', '回复至 a.b＠example.org')).toEqual([
      ['measures', 'email_like', undefined],
    ]);
    expect(problemsIn('measures', '复核运单ZT20260301999')).toEqual([['measures', 'number_like', undefined]]);
  });

  it('names every field that fails, once each', () => {
    const texts = { category: '欧阳晓燕', cause: '13800001111', result: clean.result, measures: 'x@y.cn' };
    expect(textProblems(texts, values).map((p) => p.field)).toEqual(['category', 'cause', 'measures']);
  });
});
