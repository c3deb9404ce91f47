import { Button, Card, Flex, Segmented, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useApi } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { QueryState } from '../../components/QueryState';
import { useUnitName } from '../../components/units';
import { useSession } from '../../session';
import { formatTime } from '../complaint/format';
import { useTermOf } from '../complaint/useTermOf';
import { AppealDecision } from './AppealDecision';
import { type Appeal, AppealLevels, STATUS_COLOR } from './AppealLevels';
import { WithdrawAppeal } from './WithdrawAppeal';

const REVIEWERS = ['supervisor', 'manager', 'executive'] as const;

/** 申诉: for reviewers, the appeals waiting for their level (earliest due first, overdue in red); for staff, their own. */
export default function AppealsPage() {
  const { t } = useI18n();
  const termOf = useTermOf();
  const unitName = useUnitName();
  const { has } = useSession();
  const reviewer = has(...REVIEWERS);
  const [view, setView] = useState<'queue' | 'mine' | 'all'>(reviewer ? 'queue' : 'mine');
  const list = useApi('/appeals', { query: { view } });
  const [deciding, setDeciding] = useState<Appeal | null>(null);
  const columns: TableColumnsType<Appeal> = [
    {
      key: 'complaint',
      title: t('appeal.col.complaint'),
      width: 190,
      render: (_, a) => (
        <Flex vertical>
          <Link to={`/complaints/${a.number}`}>{a.number}</Link>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 180 }}>
            {a.title}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'subject',
      title: t('appeal.col.subject'),
      width: 260,
      render: (_, a) => (
        <Flex vertical gap={2}>
          <Tag style={{ width: 'fit-content' }}>{t(`appeal.subject.${a.subjectKind}`)}</Tag>
          {a.subjectKind === 'judgement' ? (
            <>
              <span>
                {t('appeal.against', {
                  person:
                    [
                      a.subject.responsibleUnit &&
                        unitName(a.subject.responsibleUnitId, a.subject.responsibleUnit),
                      a.subject.responsiblePerson,
                    ]
                      .filter(Boolean)
                      .join(' · ') || '—',
                })}
              </span>
              <span>
                {t('appeal.judgementNow', {
                  validity: [
                    termOf('validity', a.subject.validity),
                    a.subject.invalidReason && termOf('invalidReason', a.subject.invalidReason),
                  ]
                    .filter(Boolean)
                    .join(' · '),
                })}
              </span>
            </>
          ) : (
            <>
              <span>{t('appeal.check', { score: a.subject.revisedScore ?? a.subject.score ?? '—' })}</span>
              {a.subject.findings && <span>{t('appeal.findings', { findings: a.subject.findings })}</span>}
            </>
          )}
        </Flex>
      ),
    },
    {
      key: 'appellant',
      title: t('appeal.col.appellant'),
      width: 100,
      render: (_, a) => a.appellant?.name ?? '—',
    },
    {
      key: 'reason',
      title: t('appeal.col.reason'),
      render: (_, a) => (
        <Flex vertical gap={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{a.reason}</span>
          {a.evidence && <Typography.Text type="secondary">{a.evidence}</Typography.Text>}
          <AppealLevels appeal={a} />
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('appeal.col.status'),
      width: 120,
      render: (_, a) => (
        <Flex vertical gap={2}>
          <Tag color={STATUS_COLOR[a.status]}>{t(`appeal.status.${a.status}`)}</Tag>
          {a.outcome && <span>{t(`appeal.outcomeShort.${a.outcome}`)}</span>}
        </Flex>
      ),
    },
    {
      key: 'due',
      title: t('appeal.col.due'),
      width: 150,
      render: (_, a) =>
        a.dueAt ? (
          <Typography.Text type={a.overdue ? 'danger' : undefined} data-overdue={a.overdue}>
            {formatTime(a.dueAt)}
            {a.overdue && (
              <Tag color="red" style={{ marginLeft: 4 }}>
                {t('appeal.overdue')}
              </Tag>
            )}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      key: 'actions',
      title: t('appeal.col.actions'),
      width: 90,
      render: (_: unknown, a: Appeal) =>
        view === 'queue' ? (
          <Button type="primary" size="small" onClick={() => setDeciding(a)} data-testid={`decide-${a.id}`}>
            {t('appeal.decide')}
          </Button>
        ) : (
          <WithdrawAppeal appeal={a} />
        ),
    },
  ];
  return (
    <Card
      title={t('appeal.title')}
      data-testid="appeals-page"
      extra={
        <Space>
          <Segmented
            value={view}
            onChange={(v) => setView(v as typeof view)}
            options={[
              ...(reviewer ? [{ value: 'queue', label: t('appeal.queue') }] : []),
              { value: 'mine', label: t('appeal.mine') },
              ...(reviewer ? [{ value: 'all', label: t('appeal.all') }] : []),
            ]}
          />
        </Space>
      }
    >
      <QueryState query={list}>
        {(data) => (
          <Table
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={data.items}
            pagination={false}
            locale={{ emptyText: t('appeal.empty') }}
            scroll={{ x: 1000 }}
          />
        )}
      </QueryState>
      {deciding && <AppealDecision appeal={deciding} onClose={() => setDeciding(null)} />}
    </Card>
  );
}
