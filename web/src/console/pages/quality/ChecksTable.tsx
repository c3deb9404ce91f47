import { Button, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import { formatTime } from '../complaint/format';
import { type CheckSummary, STATUS_COLOR, shownScore } from './model';

interface Props {
  rows: CheckSummary[];
  loading: boolean;
  hasMore: boolean;
  onMore: () => void;
  /** The handler's own list leaves out the handler and unit columns. */
  own?: boolean;
  empty?: string;
}

/** A page of checks, newest first, each opening its scoring form or its findings. */
export function ChecksTable({ rows, loading, hasMore, onMore, own, empty }: Props) {
  const { t, locale } = useI18n();
  return (
    <>
      <Table<CheckSummary>
        rowKey="id"
        size="small"
        dataSource={rows}
        loading={loading}
        pagination={false}
        locale={empty ? { emptyText: empty } : undefined}
        data-testid={own ? 'my-quality-checks' : 'quality-checks'}
        columns={[
          {
            title: t('quality.col.complaint'),
            key: 'complaint',
            render: (_, c) => (
              <>
                <Link to={`/complaints/${c.complaint.number}`}>{c.complaint.number}</Link> {c.complaint.title}
              </>
            ),
          },
          ...(own
            ? []
            : [
                {
                  title: t('quality.col.handler'),
                  key: 'handler',
                  render: (_: unknown, c: CheckSummary) => c.handler.name,
                },
                {
                  title: t('quality.col.unit'),
                  key: 'unit',
                  render: (_: unknown, c: CheckSummary) =>
                    locale === 'en' ? (c.unit.nameEn ?? c.unit.name) : c.unit.name,
                },
              ]),
          { title: t('quality.col.period'), dataIndex: 'period', width: 90 },
          {
            title: t('quality.col.drawnBy'),
            dataIndex: 'drawnBy',
            width: 70,
            render: (d: CheckSummary['drawnBy']) => t(`quality.drawnBy.${d}`),
          },
          {
            title: t('quality.col.status'),
            dataIndex: 'status',
            width: 110,
            render: (s: CheckSummary['status']) => (
              <Tag color={STATUS_COLOR[s]}>{t(`quality.status.${s}`)}</Tag>
            ),
          },
          { title: t('quality.col.score'), key: 'score', width: 70, render: (_, c) => shownScore(c) ?? '—' },
          { title: t('quality.col.checker'), key: 'checker', render: (_, c) => c.checker.name },
          { title: t('quality.col.scoredAt'), dataIndex: 'scoredAt', width: 140, render: formatTime },
          {
            key: 'open',
            width: 70,
            render: (_, c) => (
              <Link to={`/quality/${c.id}`} data-testid={`quality-open-${c.complaint.number}`}>
                {c.status === 'draft' && !own ? t('quality.open') : t('quality.view')}
              </Link>
            ),
          },
        ]}
      />
      {hasMore && (
        <Button style={{ marginTop: 12 }} onClick={onMore}>
          {t('quality.more')}
        </Button>
      )}
    </>
  );
}
