import { Spin, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { api } from '../../../api/client';
import { type Translate, useI18n } from '../../../i18n';
import type { TimelineEvent } from './types';

type Key = Parameters<Translate>[0];

const COLOR: Record<string, string> = {
  remedy_rejected: 'red',
  confirmed_unsatisfied: 'red',
  escalated: 'red',
  deadline_breached: 'red',
  reopened: 'orange',
  remedy_proposed: 'orange',
  remedy_approved: 'green',
  remedy_proposed_and_approved: 'green',
  confirmed_satisfied: 'green',
  archived: 'green',
  personal_data_viewed: 'purple',
  notice_sent: 'gray',
  deadline_reminded: 'gray',
};

/** 处理记录: the complaint's history, newest last, reloaded when `revision` changes. */
export function ComplaintTimeline({ number, revision }: { number: string; revision: number }) {
  const { t } = useI18n();
  const [events, setEvents] = useState<TimelineEvent[] | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: revision is the reload signal
  useEffect(() => {
    let live = true;
    api<{ items: TimelineEvent[] }>(`/complaints/${number}/timeline`)
      .then((r) => live && setEvents(r.items))
      .catch(() => live && setEvents([]));
    return () => {
      live = false;
    };
  }, [number, revision]);

  if (events === null) return <Spin />;
  if (events.length === 0)
    return <Typography.Text type="secondary">{t('cp.timeline.empty')}</Typography.Text>;
  const kindName = (kind: string) => {
    const key = `cp.event.${kind}`;
    const text = t(key as Key);
    return text === key ? kind : text;
  };
  return (
    <Timeline
      data-testid="complaint-timeline"
      items={events.map((e) => ({
        key: e.seq,
        color: COLOR[e.kind] ?? '#1677ff',
        content: (
          <div data-kind={e.kind}>
            <Typography.Text strong>{kindName(e.kind)}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {e.actor?.name ?? t('cp.timeline.system')} · {dayjs(e.at).format('MM-DD HH:mm:ss')}
            </Typography.Text>
            {e.kind === 'escalated' && typeof e.data.level === 'number' && <Tag>{String(e.data.level)}</Tag>}
            {e.comment && <div style={{ whiteSpace: 'pre-wrap' }}>{e.comment}</div>}
          </div>
        ),
      }))}
    />
  );
}
