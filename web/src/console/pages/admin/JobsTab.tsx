import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { api, query } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { errorText } from './shared';

interface Job {
  id: number;
  kind: string;
  state: 'pending' | 'running' | 'done' | 'dead';
  payload: unknown;
  runAt: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
}
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
  const [jobs, setJobs] = useState<Job[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  const load = useCallback(
    async (after?: string) => {
      setLoading(true);
      try {
        const r = await api<{ items: Job[]; nextCursor: string | null }>(
          `/jobs${query({ state: filter === 'all' ? undefined : filter, limit: 50, cursor: after })}`,
        );
        setJobs((prev) => (after ? [...prev, ...r.items] : r.items));
        setCursor(r.nextCursor);
      } catch (e) {
        message.error(errorText(e, t('common.error')));
      } finally {
        setLoading(false);
      }
    },
    [filter, message, t],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const retry = async (job: Job) => {
    try {
      await api(`/jobs/${job.id}/retry`, { method: 'POST' });
      message.success(t('admin.jobs.retried', { id: job.id }));
      await load();
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
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>
          {t('admin.reload')}
        </Button>
      </Space>
      <Table<Job>
        rowKey="id"
        dataSource={jobs}
        loading={loading}
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
            render: (k: string) => <code>{k}</code>,
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
                <Button size="small" onClick={() => void retry(j)} data-testid={`retry-${j.id}`}>
                  {t('admin.jobs.retry')}
                </Button>
              ) : null,
          },
        ]}
      />
      {cursor && (
        <Button style={{ marginTop: 16 }} loading={loading} onClick={() => void load(cursor)}>
          {t('common.more')}
        </Button>
      )}
    </>
  );
}
