import type { Translate } from '../../../i18n';
import type { WarningSummary } from './shared';

type Key = Parameters<Translate>[0];
const num = (v: unknown) =>
  typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(1)) : String(v);

/** One line saying what triggered the warning, by kind. */
export function figuresText(w: WarningSummary, t: Translate): string {
  const f = w.figures as Record<string, unknown>;
  switch (w.kind) {
    case 'spike':
      return t('warn.fig.spike', {
        day: String(f.day),
        observed: num(f.observed),
        expected: num(f.expected),
        p: typeof f.pValue === 'number' ? f.pValue.toExponential(1) : '',
        days: num(f.windowDays),
      });
    case 'escalation_risk':
      return t('warn.fig.words', { words: Array.isArray(f.words) ? f.words.join('、') : '' });
    case 'dissatisfied':
      return t('warn.fig.dissatisfied', { score: num(f.recommendation) });
    case 'near_breach':
      return t('warn.fig.nearBreach', {
        soon: num(f.dueSoon),
        open: num(f.open),
        hours: num(f.withinHours),
      });
    case 'topic':
      // The topic's complaints in the last 7 days against the 7 before (none before: a new topic).
      return typeof f.previous === 'number' && f.previous > 0
        ? t('warn.fig.topic', { size: num(f.size), previous: num(f.previous) })
        : t('warn.fig.topicNew', { size: num(f.size) });
    default:
      return t(`warn.fig.repeat` as Key, { count: num(f.complaints), days: num(f.days) });
  }
}
