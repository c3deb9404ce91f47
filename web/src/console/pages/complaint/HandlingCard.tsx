import { Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n';
import { useUnitName } from '../../components/units';
import type { ComplaintDetail } from './contract';
import { formatTime, yuan } from './format';
import { RemedyFulfilment } from './RemedyFulfilment';
import { useTermOf } from './useTermOf';

const ROW = { padding: '8px 0', borderBottom: '1px solid #f0f0f0' };

/** A part of the card: its heading, then what there is, or the words for nothing yet. */
function Part({
  title,
  empty,
  first = false,
  children,
}: {
  title: string;
  empty: string | null;
  first?: boolean;
  children: ReactNode;
}) {
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: first ? 0 : 16 }}>
        {title}
      </Typography.Title>
      {empty ? <Typography.Text type="secondary">{empty}</Typography.Text> : children}
    </>
  );
}

/** 处理: judgement, validity, remedies, replies, the customer's confirmation and survey. */
export function HandlingCard({ complaint: c }: { complaint: ComplaintDetail }) {
  const { t } = useI18n();
  const termOf = useTermOf();
  const unitName = useUnitName();
  const j = c.judgement;
  return (
    <Card title={t('cp.section.handling')} size="small" data-testid="complaint-handling">
      <Part title={t('cp.judgement')} empty={j ? null : t('cp.noJudgement')} first>
        {j && (
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('cp.liableParty')}>
              {termOf('liable', j.liableParty)}
            </Descriptions.Item>
            <Descriptions.Item label={t('cp.degree')}>{termOf('degree', j.degree)}</Descriptions.Item>
            <Descriptions.Item label={t('cp.responsibleUnit')}>
              {j.responsibleUnit ? unitName(j.responsibleUnit.id, j.responsibleUnit.name) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('cp.responsiblePerson')}>
              {[
                j.responsibleUser?.name,
                j.responsibleParty && `${j.responsibleParty.name}（${j.responsibleParty.code}）`,
                j.responsiblePerson,
              ]
                .filter(Boolean)
                .join(' · ') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('cp.basis')} span="filled">
              {j.basis ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('cp.judgedBy')} span="filled">
              {j.judgedBy?.name ?? '—'} {formatTime(j.judgedAt)}
            </Descriptions.Item>
          </Descriptions>
        )}
      </Part>
      <Part title={t('cp.validity')} empty={c.validity ? null : t('cp.noValidity')}>
        {c.validity && (
          <Space>
            <Tag color={c.validity.validity === 'valid' ? 'red' : 'default'}>
              {termOf('validity', c.validity.validity)}
            </Tag>
            {c.validity.kind && <span>{termOf('validKind', c.validity.kind)}</span>}
            {c.validity.invalidReason && <span>{termOf('invalidReason', c.validity.invalidReason)}</span>}
          </Space>
        )}
      </Part>
      <Part title={t('cp.remedies')} empty={c.remedies.length ? null : t('cp.noRemedies')}>
        {c.remedies.map((r) => (
          <div key={r.id} data-testid={`remedy-${r.id}`} style={ROW}>
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Space wrap>
                <Tag color={r.status === 'approved' ? 'green' : r.status === 'rejected' ? 'red' : 'orange'}>
                  {termOf('remedyStatus', r.status)}
                </Tag>
                {r.kinds.map((k) => (
                  <Tag key={k}>{termOf('remedy', k)}</Tag>
                ))}
                <Typography.Text strong>{yuan(r.amount)}</Typography.Text>
                {r.requiredRole && (
                  <Typography.Text type="secondary">
                    {t('cp.requiredRole')}: {termOf('role', r.requiredRole)}
                  </Typography.Text>
                )}
              </Space>
              <Typography.Text>{r.description}</Typography.Text>
              {r.internalActions.length > 0 && (
                <Typography.Text type="secondary">
                  {t('cp.internalActions')}: {r.internalActions.map((a) => termOf('internal', a)).join('、')}
                </Typography.Text>
              )}
              <Typography.Text type="secondary">
                {t('cp.proposedBy', { name: r.proposedBy?.name ?? '—' })} {formatTime(r.proposedAt)}
                {r.decidedBy &&
                  ` · ${t('cp.decidedBy', { name: r.decidedBy.name ?? '—' })} ${formatTime(r.decidedAt)}`}
                {r.decisionComment && ` · ${r.decisionComment}`}
              </Typography.Text>
              <RemedyFulfilment remedy={r} evidence={c.evidence} />
            </Flex>
          </div>
        ))}
      </Part>
      <Part title={t('cp.replies')} empty={c.replies.length ? null : t('cp.noReplies')}>
        {c.replies.map((r) => (
          <Descriptions
            key={r.id}
            size="small"
            column={1}
            bordered
            data-testid={`reply-${r.id}`}
            title={`${termOf('method', r.method)} · ${r.sentBy?.name ?? '—'} · ${formatTime(r.sentAt)}`}
            style={{ marginBottom: 12 }}
          >
            <Descriptions.Item label={t('cp.reply.summary')}>{r.summary}</Descriptions.Item>
            <Descriptions.Item label={t('cp.reply.actions')}>{r.actions}</Descriptions.Item>
            <Descriptions.Item label={t('cp.reply.result')}>{r.result}</Descriptions.Item>
            <Descriptions.Item label={t('cp.reply.basis')}>{r.basis}</Descriptions.Item>
            <Descriptions.Item label={t('cp.reply.followUp')}>{r.followUp}</Descriptions.Item>
          </Descriptions>
        ))}
      </Part>
      {c.customerConfirmation && (
        <Space style={{ marginTop: 8 }}>
          <Typography.Text strong>{t('cp.confirmation')}:</Typography.Text>
          <Tag color={c.customerConfirmation === 'satisfied' ? 'green' : 'red'} data-testid="confirmation">
            {termOf('confirm', c.customerConfirmation)}
          </Tag>
        </Space>
      )}
      {/* Each survey with its source: the customer's own, by phone, on the return visit. */}
      {c.surveys.map((s) => (
        <Descriptions
          key={s.source}
          size="small"
          title={
            <Space>
              {t('cp.survey')}
              <Tag color="blue" data-testid={`survey-source-${s.source}`}>
                {t(`survey.source.${s.source}` as 'survey.source.portal')}
              </Tag>
            </Space>
          }
          column={{ xs: 2, md: 5 }}
          style={{ marginTop: 12 }}
        >
          <Descriptions.Item label={t('cp.survey.speed')}>{s.speed}</Descriptions.Item>
          <Descriptions.Item label={t('cp.survey.effectiveness')}>{s.effectiveness}</Descriptions.Item>
          <Descriptions.Item label={t('cp.survey.attitude')}>{s.attitude}</Descriptions.Item>
          <Descriptions.Item label={t('cp.survey.transparency')}>{s.transparency}</Descriptions.Item>
          <Descriptions.Item label={t('cp.survey.recommendation')}>{s.recommendation}</Descriptions.Item>
        </Descriptions>
      ))}
    </Card>
  );
}
