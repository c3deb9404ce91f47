import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n';
import { clockParts } from './model';

const TWO_HOURS = 2 * 3600_000;

/** The time left to (or past) a deadline, ticking every second: red overdue, orange within 2 h. */
export function Countdown({ dueAt }: { dueAt: string | null }) {
  const { t } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!dueAt) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [dueAt]);
  if (!dueAt) return <Typography.Text type="secondary">{t('workbench.noDeadline')}</Typography.Text>;
  const left = Date.parse(dueAt) - now;
  const { days, time } = clockParts(left);
  const span = days > 0 ? t('workbench.days', { days, time }) : time;
  const state = left <= 0 ? 'overdue' : left <= TWO_HOURS ? 'soon' : 'normal';
  return (
    <Typography.Text
      data-testid="countdown"
      data-state={state}
      type={state === 'overdue' ? 'danger' : state === 'soon' ? 'warning' : undefined}
      strong={state !== 'normal'}
      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
    >
      {left <= 0 ? t('workbench.overdueBy', { time: span }) : t('workbench.remaining', { time: span })}
    </Typography.Text>
  );
}
