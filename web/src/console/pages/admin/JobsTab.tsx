import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { call } from '../../../api/call';
import { useApi, useApiMutation } from '../../../api/hooks';
import { type Translate, useI18n } from '../../../i18n';
import { QueryState } from '../../components/QueryState';
import { errorText } from './crud/setting';
import type { Answer } from './shared';

type Jobs = Answer<'/jobs'>;
type Job = Jobs['items'][number];
/** The job kinds Kesu runs (src/jobs/registry.ts), named in words; an unknown kind shows as it is. */
const KIND_LABELS: Record<string, Parameters<Translate>[0]> = {
  'notify.send': 'admin.jobs.kind.notify.send',
  'mail.poll': 'admin.jobs.kind.mail.poll',
  'sla.sweep': 'admin.jobs.kind.sla.sweep',
  'jobs.prune': 'admin.jobs.kind.jobs.prune',
  'classifier.train': 'admin.jobs.kind.classifier.train',
  'complaint.close_unreachable': 'admin.jobs.kind.complaint.close_unreachable',
  'backup.schedule': 'admin.jobs.kind.backup.schedule',
  'backup.create': 'admin.jobs.kind.backup.create',
  'audit.verify': 'admin.jobs.kind.audit.verify',
};
const FILTERS = ['all', 'dead', 'failed', 'pending', 'running', 'done'] as const;
type Filter = (typeof FILTERS)[number];
const STATE_COLOR: Record<string, string> = {
  pending: 'blue',
  running: 'processing',
  done: 'green',
  dead: 'red',
};

/** 后台任务: what the worker ran, what failed and why; dead or failed jobs can be run again. */
export function JobsTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>('all');
  const input = { query: { state: filter === 'all' ? undefined : filter, limit: 50 } };
  const first = useApi('/jobs', input);
  // Older pages, fetched on demand after the first (which the cache refreshes after a retry).
  // Kept with the first page they follow: a refreshed first page (a retry, a filter) drops them.
  const [extra, setMore] = useState<{ after: Jobs | undefined; pages: Jobs[] }>({
    after: undefined,
    pages: [],
  });
  const older = extra.after === first.data ? extra.pages : [];
  const [loadingMore, setLoadingMore] = useState(false);
  const retry = useApiMutation('POST', '/jobs/:id/retry', { invalidates: ['/jobs'] });
  const cursor = (older.at(-1) ?? first.data)?.nextCursor ?? null;

  const more = async (after: string) => {
    setLoadingMore(true);
    try {
      const page = await call('GET', '/jobs', { query: { ...input.query, cursor: after } });
      setMore({ after: first.data, pages: [...older, page] });
    } catch (e) {
      message.error(errorText(e, t('common.error')));
    } finally {
      setLoadingMore(false);
    }
  };
  const runAgain = async (job: Job) => {
    try {
      await retry.mutateAsync({ params: { id: job.id } });
      message.success(t('admin.jobs.retried', { id: job.id }));
    } catch (e) {
      message.error(errorText(e, t('common.error')));
    }
  };
  const stateOf = (j: Job) => (j.state === 'pending' && j.lastError ? 'failed' : j.state);
  const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={FILTERS.map((f) => ({
            value: f,
            label: f === 'all' ? t('admin.jobs.all') : t(`admin.jobs.state.${f}`),
          }))}
        />
        <Button icon={<ReloadOutlined />} onClick={() => void first.refetch()}>
          {t('admin.reload')}
        </Button>
      </Space>
      <QueryState query={first}>
        {(page) => (
          <Table<Job>
            rowKey="id"
            dataSource={[page, ...older].flatMap((p) => p.items)}
            loading={first.isFetching}
            tableLayout="fixed"
            size="middle"
            pagination={false}
            locale={{ emptyText: t('admin.jobs.empty') }}
            columns={[
              { title: t('admin.jobs.id'), dataIndex: 'id', width: 70 },
              {
                title: t('admin.jobs.kind'),
                dataIndex: 'kind',
                width: 200,
                render: (k: string) => {
                  const label = KIND_LABELS[k];
                  return label ? <span title={k}>{t(label)}</span> : <code>{k}</code>;
                },
              },
              {
                title: t('admin.jobs.state'),
                key: 'state',
                width: 100,
                render: (_, j) => {
                  const s = stateOf(j);
                  return (
                    <Tag color={s === 'failed' ? 'orange' : STATE_COLOR[s]}>{t(`admin.jobs.state.${s}`)}</Tag>
                  );
                },
              },
              {
                title: t('admin.jobs.attempts'),
                key: 'attempts',
                width: 100,
                render: (_, j) => `${j.attempts} / ${j.maxAttempts}`,
              },
              {
                title: t('admin.jobs.lastError'),
                dataIndex: 'lastError',
                ellipsis: true,
                render: (e: string | null) =>
                  e ? (
                    <Typography.Text type="danger" title={e}>
                      {e}
                    </Typography.Text>
                  ) : (
                    '—'
                  ),
              },
              { title: t('admin.jobs.runAt'), dataIndex: 'runAt', width: 180, render: time },
              { title: t('admin.jobs.createdAt'), dataIndex: 'createdAt', width: 180, render: time },
              {
                title: t('admin.actions'),
                key: 'actions',
                width: 90,
                render: (_, j) =>
                  stateOf(j) === 'dead' || stateOf(j) === 'failed' ? (
                    <Button size="small" onClick={() => void runAgain(j)} data-testid={`retry-${j.id}`}>
                      {t('admin.jobs.retry')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
      </QueryState>
      {cursor && (
        <Button style={{ marginTop: 16 }} loading={loadingMore} onClick={() => void more(cursor)}>
          {t('common.more')}
        </Button>
      )}
    </>
  );
}
