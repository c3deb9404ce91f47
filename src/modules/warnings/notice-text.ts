import { filled, type Locale, warningWords } from '../../i18n/index.js';
import type { WarningKind } from './rules.js';

const num = (v: unknown) =>
  typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(1)) : String(v ?? '');

/** What raised a warning, in one sentence of the locale (as the console's 触发依据 says it). */
function summary(kind: WarningKind, f: Record<string, unknown>, locale: Locale): string {
  const w = warningWords(locale);
  const fill = (key: string, params: Record<string, string>) => filled(w[key] ?? key, params);
  switch (kind) {
    case 'spike':
      return fill('fig.spike', { day: num(f.day), observed: num(f.observed), expected: num(f.expected) });
    case 'escalation_risk':
      return fill('fig.escalation_risk', { words: Array.isArray(f.words) ? f.words.join(w.list) : '' });
    case 'dissatisfied':
      return fill('fig.dissatisfied', { score: num(f.recommendation) });
    case 'near_breach':
      return fill('fig.near_breach', { soon: num(f.dueSoon), open: num(f.open), hours: num(f.withinHours) });
    case 'topic':
      return typeof f.previous === 'number' && f.previous > 0
        ? fill('fig.topic', { size: num(f.size), previous: num(f.previous) })
        : fill('fig.topicNew', { size: num(f.size) });
    default:
      return fill('fig.repeat', { count: num(f.complaints), days: num(f.days) });
  }
}

/** The kind and the summary of a warning for its notice, in both languages (the template picks). */
export function warningNoticeVars(kind: WarningKind, figures: Record<string, unknown>) {
  return {
    kind: warningWords('zh-CN')[`kind.${kind}`] ?? kind,
    kind_en: warningWords('en')[`kind.${kind}`] ?? kind,
    summary: summary(kind, figures, 'zh-CN'),
    summary_en: summary(kind, figures, 'en'),
  };
}
