import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n';
import { durationParts } from './model';

const HOUR = 3600_000;

/** How pressing a deadline is: past it, within 15 minutes, within the hour, within two hours, or not yet. */
export type Urgency = 'overdue' | 'critical' | 'urgent' | 'soon' | 'normal';
export const urgencyOf = (left: number): Urgency =>
  left <= 0
    ? 'overdue'
    : left <= HOUR / 4
      ? 'critical'
      : left <= HOUR
        ? 'urgent'
        : left <= 2 * HOUR
          ? 'soon'
          : 'normal';

/** Minutes look different from an hour: red for the last quarter hour, orange and bold within the hour. */
const STYLE: Record<Urgency, { type?: 'danger' | 'warning'; strong: boolean; background?: string }> = {
  overdue: { type: 'danger', strong: true, background: '#fff1f0' },
  critical: { type: 'danger', strong: true },
  urgent: { type: 'warning', strong: true },
  soon: { type: 'warning', strong: false },
  normal: { strong: false },
};

/** A duration in words: "9小时20分" / "9 h 20 min"; seconds within the last hour, days beyond one. */
export function useDuration() {
  const { t } = useI18n();
  return (ms: number) => {
    const { d, h, m, s } = durationParts(ms);
    if (d > 0) return t('workbench.duration.days', { d, h });
    if (h > 0) return t('workbench.duration.hours', { h, m });
    return m > 0 ? t('workbench.duration.minutes', { m, s }) : t('workbench.duration.seconds', { s });
  };
}

/**
 * The time left to (or past) a deadline, ticking every second, coloured by `urgencyOf`.
 */
export function Countdown({ dueAt }: { dueAt: string | null }) {
  const { t } = useI18n();
  const duration = useDuration();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!dueAt) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [dueAt]);
  if (!dueAt) return <Typography.Text type="secondary">{t('workbench.noDeadline')}</Typography.Text>;
  const left = Date.parse(dueAt) - now;
  const state = urgencyOf(left);
  const { type, strong, background } = STYLE[state];
  return (
    <Typography.Text
      data-testid="countdown"
      data-state={state}
      type={type}
      strong={strong}
      style={{
        fontVariantNumeric: 'tabular-nums',
        whiteSpace: 'nowrap',
        ...(background ? { background, padding: '0 4px', borderRadius: 4 } : {}),
      }}
    >
      {left <= 0
        ? t('workbench.overdueBy', { time: duration(left) })
        : t('workbench.remaining', { time: duration(left) })}
    </Typography.Text>
  );
}
