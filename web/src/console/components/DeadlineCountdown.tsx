import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { type Translate, useI18n } from '../../i18n';

/** "2小时5分" / "2h 5m": the two largest units of a duration. */
export function formatDuration(t: Translate, ms: number): string {
  const total = Math.max(0, Math.floor(Math.abs(ms) / 1000));
  const parts: Array<[Parameters<Translate>[0], number]> = [
    ['cp.duration.d', Math.floor(total / 86400)],
    ['cp.duration.h', Math.floor((total % 86400) / 3600)],
    ['cp.duration.m', Math.floor((total % 3600) / 60)],
    ['cp.duration.s', total % 60],
  ];
  const first = parts.findIndex(([, n]) => n > 0);
  if (first < 0) return t('cp.duration.s', { n: 0 });
  return parts
    .slice(first, first + 2)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => t(key, { n }))
    .join(' ');
}

/** The current time, refreshed every second while mounted. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
}

export interface DeadlineLike {
  stage: string;
  state: 'met' | 'paused' | 'running';
  dueAt: string | null;
  breached: boolean;
  metAt?: string | null;
}

/**
 * One stage's clock as a coloured tag: a live countdown while it runs (orange in its last hour,
 * red when overdue), green when met in time, grey when paused.
 */
export function DeadlineCountdown({ deadline, label }: { deadline: DeadlineLike; label?: string }) {
  const { t, term } = useI18n();
  const now = useNow();
  const due = deadline.dueAt ? new Date(deadline.dueAt).getTime() : null;
  const name = label ?? term('stage', deadline.stage);
  let color: string;
  let text: string;
  if (deadline.state === 'met') {
    color = deadline.breached ? 'volcano' : 'green';
    text = t(deadline.breached ? 'cp.deadline.metLate' : 'cp.deadline.met');
  } else if (deadline.state === 'paused' || due === null) {
    color = 'default';
    text = t('cp.deadline.paused');
  } else {
    const left = due - now;
    color = left < 0 ? 'red' : left < 3_600_000 ? 'orange' : 'blue';
    text =
      left < 0
        ? t('cp.deadline.overdue', { time: formatDuration(t, left) })
        : t('cp.deadline.left', { time: formatDuration(t, left) });
  }
  return (
    <Tooltip
      title={due === null ? undefined : t('cp.deadline.due', { time: dayjs(due).format('YYYY-MM-DD HH:mm') })}
    >
      <Tag color={color} data-testid={`deadline-${deadline.stage}`} data-state={deadline.state}>
        {name}: {text}
      </Tag>
    </Tooltip>
  );
}
