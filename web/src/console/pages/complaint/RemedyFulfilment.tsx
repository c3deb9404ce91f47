import { Space, Tag, Typography } from 'antd';
import { type Translate, useI18n } from '../../../i18n';
import { DeadlineCountdown } from '../../components/DeadlineCountdown';
import type { ComplaintDetail } from './contract';
import { formatTime, yuan } from './format';

type Key = Parameters<Translate>[0];
type Remedy = ComplaintDetail['remedies'][number];

const STATUS_COLOURS: Record<string, string> = {
  pending: 'blue',
  done: 'green',
  failed: 'red',
  cancelled: 'default',
};

/** 方案执行 and 费用承担 of one remedy: owner, due time (a countdown while pending), proof, who bears the cost. */
export function RemedyFulfilment({
  remedy: r,
  evidence,
}: {
  remedy: Remedy;
  evidence: ComplaintDetail['evidence'];
}) {
  const { t } = useI18n();
  const f = r.fulfilment;
  const proof = Object.entries(f?.proof ?? {}).map(([key, value]) =>
    key === 'evidenceId'
      ? `${t('ff.proof.evidenceId')} ${evidence.find((e) => e.id === value)?.filename ?? value}`
      : `${t(`ff.proof.${key}` as Key)} ${value}`,
  );
  return (
    <>
      {f && (
        <Space wrap data-testid={`fulfilment-${r.id}`}>
          <Tag color={STATUS_COLOURS[f.status]}>{t(`ff.status.${f.status}` as Key)}</Tag>
          <Typography.Text>
            {t('ff.owner')}: {f.owner?.name ?? '—'}
          </Typography.Text>
          {f.status === 'pending' ? (
            <DeadlineCountdown
              label={t('ff.due')}
              deadline={{ stage: 'fulfilment', state: 'running', dueAt: f.dueAt, breached: f.overdue }}
            />
          ) : (
            <Typography.Text type="secondary">
              {t('ff.due')}: {formatTime(f.dueAt)} ·{' '}
              {t('ff.recorded', { name: f.recordedBy?.name ?? '—', time: formatTime(f.recordedAt) })}
            </Typography.Text>
          )}
          {proof.length > 0 && (
            <Typography.Text data-testid={`proof-${r.id}`}>
              {t('ff.proof')}: {proof.join('；')}
            </Typography.Text>
          )}
          {f.note && (
            <Typography.Text type="secondary">
              {t('ff.note')}: {f.note}
            </Typography.Text>
          )}
        </Space>
      )}
      {r.costShares.length > 0 && (
        <Typography.Text type="secondary" data-testid={`cost-shares-${r.id}`}>
          {t('ff.costShares')}:{' '}
          {r.costShares
            .map(
              (s) => `${t(`ff.bearer.${s.bearer}` as Key)}${s.name ? `（${s.name}）` : ''} ${yuan(s.amount)}`,
            )
            .join('；')}
        </Typography.Text>
      )}
    </>
  );
}
