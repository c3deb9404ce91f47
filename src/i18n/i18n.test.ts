import { describe, expect, it } from 'vitest';
import { ACTIONS, STATUSES } from '../domain/complaint-model.js';
import en from './en.json' with { type: 'json' };
import { errorMessage, pickLocale } from './index.js';
import zhCN from './zh-CN.json' with { type: 'json' };

const keys = (o: object): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v).map((s) => `${k}.${s}`) : [k],
  );

describe('messages', () => {
  it('has every zh-CN message in English too, and no extra ones', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const flat = (o: Record<string, Record<string, string>>) =>
      Object.entries(o).flatMap(([g, m]) => Object.entries(m).map(([k, v]) => [`${g}.${k}`, v] as const));
    const enMap = new Map(flat(en));
    for (const [key, zh] of flat(zhCN))
      expect(placeholders(enMap.get(key) ?? ''), key).toEqual(placeholders(zh));
  });

  it('picks zh-CN unless English is preferred', () => {
    expect(pickLocale(undefined)).toBe('zh-CN');
    expect(pickLocale('en-GB,en;q=0.8')).toBe('en');
    expect(pickLocale('zh-TW,en;q=0.5')).toBe('zh-CN');
    expect(pickLocale('fr-FR,en;q=0.5,zh;q=0.4')).toBe('en');
    expect(pickLocale('fr-FR')).toBe('zh-CN');
  });

  it('fills parameters in words: statuses and actions by their names, amounts in yuan', () => {
    expect(errorMessage('en', 'illegal_transition', { status: 'closed', action: 'accept' })).toBe(
      'The complaint is Archived; "Accept" is not possible now.',
    );
    expect(errorMessage('zh-CN', 'illegal_transition', { status: 'proposed', action: 'propose' })).toBe(
      '投诉当前状态为「方案待批」，不能执行「提出方案」。',
    );
    expect(errorMessage('zh-CN', 'approval_limit_exceeded', { amount: 80000 })).toBe(
      '金额 ¥800.00 超出您的审批权限。',
    );
    expect(errorMessage('en', 'forbidden', { action: 'curate_case' })).toContain('Mark as a case');
  });

  it('names every status and action in both languages', () => {
    for (const status of STATUSES) expect(zhCN.terms, status).toHaveProperty([`status.${status}`]);
    for (const action of ACTIONS) expect(zhCN.terms, action).toHaveProperty([`action.${action}`]);
  });
});
