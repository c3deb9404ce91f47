import { Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useApi } from '../../../api/hooks';
import { type Translate, useI18n } from '../../../i18n';
import { QueryState } from '../../components/QueryState';
import type { TimelineEvent } from './contract';

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

/** 处理记录: the complaint's history, newest last; refetched after every action. */
export function ComplaintTimeline({ number }: { number: string }) {
  const { t } = useI18n();
  const history = useApi('/complaints/:number/timeline', { params: { number } });
  return (
    <QueryState
      query={history}
      isEmpty={(h) => h.items.length === 0}
      empty={<Typography.Text type="secondary">{t('cp.timeline.empty')}</Typography.Text>}
    >
      {(h) => <Events events={h.items} />}
    </QueryState>
  );
}

/** What an event was about, by its label (channel, clock, source of a message), never a code. */
function useDetailOf() {
  const { t, term, locale } = useI18n();
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return (e: TimelineEvent): string | null => {
    const fields = e.data.fields as Record<string, unknown> | undefined;
    if (e.kind === 'registered' && text(fields?.channel)) return term('channel', text(fields?.channel));
    if (e.kind.startsWith('deadline_') && text(e.data.stage)) return term('stage', text(e.data.stage));
    const step = e.data.step as { textZh?: string; textEn?: string } | undefined;
    if (e.kind.startsWith('checklist_step_')) return text(locale === 'en' ? step?.textEn : step?.textZh);
    // The other complaint of a merge or a link, by its number.
    const other = text(e.data.into) ?? text(e.data.to) ?? text(e.data.from);
    if (['merged', 'merged_from', 'linked', 'linked_from'].includes(e.kind) && other) return other;
    // A return visit that opened a new complaint for a new problem names it.
    if (e.kind === 'return_visit_called' && text(e.data.newComplaint)) return text(e.data.newComplaint);
    const source = text(e.data.source);
    if (e.kind.endsWith('_message') && source) {
      const key = `cp.messageSource.${source}` as Key;
      return t(key) === key ? null : t(key);
    }
    return null;
  };
}

function Events({ events }: { events: TimelineEvent[] }) {
  const { t } = useI18n();
  const detailOf = useDetailOf();
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
            {detailOf(e) && <Tag data-testid="event-detail">{detailOf(e)}</Tag>}
            <Typography.Text type="secondary">
              {e.actor?.system
                ? t(`cp.systemUser.${e.actor.system}`)
                : (e.actor?.name ?? t('cp.timeline.system'))}{' '}
              · {dayjs(e.at).format('MM-DD HH:mm:ss')}
            </Typography.Text>
            {e.kind === 'escalated' && typeof e.data.level === 'number' && <Tag>{String(e.data.level)}</Tag>}
            {e.comment && <div style={{ whiteSpace: 'pre-wrap' }}>{e.comment}</div>}
          </div>
        ),
      }))}
    />
  );
}
