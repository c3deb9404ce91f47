import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Progress, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { CallOutput, EndpointAt } from '../../../api/call';
import { useApi, useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { QueryState } from '../../components/QueryState';
import { errorText } from '../admin/crud/setting';

type Verification = CallOutput<EndpointAt<'GET', '/audit/verifications/:id'>>;
const STATE_COLOR: Record<Verification['state'], string> = {
  queued: 'default',
  running: 'processing',
  done: 'green',
  failed: 'orange',
};
const busy = (v: Verification) => v.state === 'queued' || v.state === 'running';

/** 历史核验: auditors and admins verify the hash-chained history — all of it as a job, or one complaint at once. */
export default function AuditPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  // While a verification runs, its progress is fetched every second. (The URL as a type argument:
  // inferring it through the callback costs TypeScript more than it allows, TS2589.)
  const recent = useApi<'/audit/verifications'>(
    '/audit/verifications',
    {},
    { refetchInterval: (q) => (q.state.data?.items.some(busy) ? 1000 : false) },
  );
  const start = useApiMutation('POST', '/audit/verifications', { invalidates: ['/audit/verifications'] });
  const verifyOne = useApiMutation('POST', '/complaints/:number/history/verifications', {
    invalidates: ['/audit/verifications'],
  });
  const [number, setNumber] = useState('');
  const [one, setOne] = useState<Verification | null>(null);

  const startAll = async () => {
    try {
      await start.mutateAsync({});
      message.success(t('audit.all.started'));
    } catch (e) {
      message.error(errorText(e, t('common.error')));
    }
  };
  const runOne = async () => {
    setOne(null);
    try {
      setOne(await verifyOne.mutateAsync({ params: { number: number.trim() } }));
    } catch (e) {
      message.error(errorText(e, t('common.error')));
    }
  };
  const running = recent.data?.items.some((v) => v.scope === 'all' && busy(v)) ?? false;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="audit-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('audit.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('audit.intro')}</Typography.Paragraph>
      <Card title={t('audit.all')}>
        <Space orientation="vertical">
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            loading={start.isPending || running}
            onClick={() => void startAll()}
            data-testid="verify-all"
          >
            {t('audit.all')}
          </Button>
          <Typography.Text type="secondary">{t('audit.all.hint')}</Typography.Text>
        </Space>
      </Card>
      <Card title={t('audit.one')}>
        <Space.Compact style={{ maxWidth: 480, width: '100%' }}>
          <Input
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            onPressEnter={() => void runOne()}
            placeholder={t('audit.one.placeholder')}
            data-testid="verify-number"
          />
          <Button
            onClick={() => void runOne()}
            loading={verifyOne.isPending}
            disabled={!number.trim()}
            data-testid="verify-one"
          >
            {t('audit.one.run')}
          </Button>
        </Space.Compact>
        {one && (
          <div style={{ marginTop: 16 }} data-testid="verify-result">
            <ResultAlert v={one} />
          </div>
        )}
      </Card>
      <Card title={t('audit.recent')} data-testid="verifications">
        <QueryState query={recent}>
          {(data) => (
            <Table<Verification>
              rowKey="id"
              dataSource={data.items}
              pagination={false}
              size="middle"
              locale={{ emptyText: t('audit.empty') }}
              columns={[
                {
                  title: t('audit.col.scope'),
                  key: 'scope',
                  width: 220,
                  render: (_, v) =>
                    v.complaintNumber ? (
                      <Link to={`/complaints/${v.complaintNumber}`}>
                        {t('audit.scope.complaint', { number: v.complaintNumber })}
                      </Link>
                    ) : (
                      t('audit.scope.all')
                    ),
                },
                {
                  title: t('audit.col.requestedBy'),
                  key: 'by',
                  width: 140,
                  render: (_, v) => v.requestedBy.name,
                },
                {
                  title: t('audit.col.requestedAt'),
                  dataIndex: 'requestedAt',
                  width: 180,
                  render: (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss'),
                },
                {
                  title: t('audit.col.state'),
                  key: 'state',
                  width: 220,
                  render: (_, v) => <StateCell v={v} />,
                },
                {
                  title: t('audit.col.result'),
                  key: 'result',
                  render: (_, v) => <ResultAlert v={v} compact />,
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
    </Space>
  );
}

function StateCell({ v }: { v: Verification }) {
  const { t } = useI18n();
  const tag = <Tag color={STATE_COLOR[v.state]}>{t(`audit.state.${v.state}`)}</Tag>;
  if (!busy(v) || !v.progress.total) return tag;
  const { checked, total } = v.progress;
  return (
    <Space orientation="vertical" size={0} style={{ width: '100%' }}>
      {tag}
      <Progress percent={Math.min(99, Math.floor((checked / total) * 100))} size="small" />
      <Typography.Text type="secondary">{t('audit.progress', { checked, total })}</Typography.Text>
    </Space>
  );
}

/** Intact, or where the chain breaks, in words; a failed run shows why. */
function ResultAlert({ v, compact = false }: { v: Verification; compact?: boolean }) {
  const { t } = useI18n();
  if (v.state === 'failed') return <Typography.Text type="warning">{v.error}</Typography.Text>;
  const r = v.result;
  if (!r) return compact ? '—' : null;
  const b = r.broken;
  const where = !b
    ? ''
    : b.complaintNumber
      ? t('audit.where.complaint', { number: b.complaintNumber })
      : t('audit.where.stream', { type: b.streamType, id: b.streamId });
  const title = r.intact ? t('audit.intact') : t('audit.broken');
  const text = r.intact
    ? t('audit.intactDetail', { events: r.events })
    : b
      ? t('audit.brokenDetail', { where, seq: b.seq, reason: t(`audit.reason.${b.reason}`) })
      : '';
  return compact ? (
    <Space>
      <Tag color={r.intact ? 'green' : 'red'}>{title}</Tag>
      {text}
    </Space>
  ) : (
    <Alert type={r.intact ? 'success' : 'error'} showIcon title={title} description={text} />
  );
}
