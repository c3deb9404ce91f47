import { Card, Col, Descriptions, Empty, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { useApi } from '../../../api/hooks';
import { type Translate, useI18n } from '../../../i18n';
import { QueryState } from '../../components/QueryState';
import { HistoryTimeline, LinkedComplaints } from '../../components/RecordHistory';
import { formatTime } from '../complaint/format';
import { ActionButtons } from './ActionButtons';
import { type ActionView, STATUS_COLOR } from './shared';

type Key = Parameters<Translate>[0];

/** 整改单: 5W1H, linked complaints, progress and evidence, verification, effectiveness, history. */
export function ActionDetail({ id }: { id: number }) {
  const action = useApi('/corrective-actions/:id', { params: { id } });
  return <QueryState query={action}>{(a) => <ActionCard action={a} />}</QueryState>;
}

function ActionCard({ action: a }: { action: ActionView }) {
  const { t, locale } = useI18n();
  const named = (n: { name: string; nameEn: string | null }) =>
    locale === 'en' && n.nameEn ? n.nameEn : n.name;
  return (
    <Flex vertical gap={16} data-testid="ca-detail">
      <Card
        size="small"
        title={
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong>{`#${a.id} ${a.title}`}</Typography.Text>
            <Tag>{t(`ca.kind.${a.kind}` as Key)}</Tag>
            <Tag color={STATUS_COLOR[a.status]}>{t(`ca.status.${a.status}` as Key)}</Tag>
            {a.overdue && <Tag color="red">{t('ca.overdue')}</Tag>}
            {a.outcome && (
              <Tag color={a.outcome === 'effective' ? 'green' : 'volcano'}>
                {t(`ca.outcome.${a.outcome}` as Key)}
              </Tag>
            )}
          </Flex>
        }
        extra={<ActionButtons action={a} />}
      >
        <Descriptions size="small" column={2} title={t('ca.section.5w1h')}>
          <Descriptions.Item label={t('ca.field.title')}>{a.title}</Descriptions.Item>
          <Descriptions.Item label={t('ca.field.source')}>
            {t(`ca.source.${a.sourceKind}` as Key)}
          </Descriptions.Item>
          <Descriptions.Item label={t('ca.field.description')} span={2}>
            {a.description}
          </Descriptions.Item>
          <Descriptions.Item label={t('ca.field.rootCause')} span={2}>
            {a.rootCause}
          </Descriptions.Item>
          <Descriptions.Item label={t('ca.field.unit')}>
            {named(a.unit)}
            {a.category ? ` · ${named(a.category)}` : ''}
            {a.region ? ` · ${a.region}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('ca.field.due')}>{formatTime(a.dueAt)}</Descriptions.Item>
          <Descriptions.Item label={t('ca.field.owner')}>
            {a.owner.name} · {named(a.ownerUnit)}
          </Descriptions.Item>
          <Descriptions.Item label={t('ca.field.effectDays')}>{a.effectDays}</Descriptions.Item>
          <Descriptions.Item label={t('ca.field.plan')} span={2}>
            {a.plan}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('ca.section.progress')}>
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('ca.progressNote')}>{a.progressNote ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('ca.completionNote')}>
                  {a.completionNote ?? '—'}
                  {a.doneAt ? ` (${formatTime(a.doneAt)})` : ''}
                </Descriptions.Item>
                <Descriptions.Item label={t('ca.section.verification')}>
                  {a.verifiedBy && a.verifiedAt
                    ? t('ca.verifiedBy', {
                        name: a.verifiedBy.name,
                        time: formatTime(a.verifiedAt),
                        comment: a.verifyComment ?? '',
                      })
                    : '—'}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <EffectCard action={a} />
            <Card size="small" title={t('ca.section.linked')}>
              <LinkedComplaints items={a.linked} testId="ca-linked" />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('ca.section.history')}>
            <HistoryTimeline
              events={a.history}
              label={(kind) => t(`ca.event.${kind}` as Key)}
              system={t('ca.system')}
            />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

/** 效果验证: the recurrence before and after, and the change. */
function EffectCard({ action: a }: { action: ActionView }) {
  const { t, locale } = useI18n();
  const e = a.effectiveness;
  const day = (iso: string) => iso.slice(0, 10);
  const unit = locale === 'en' && a.unit.nameEn ? a.unit.nameEn : a.unit.name;
  const category = a.category
    ? `· ${locale === 'en' && a.category.nameEn ? a.category.nameEn : a.category.name}`
    : '';
  return (
    <Card size="small" title={t('ca.section.effect')} data-testid="ca-effect">
      {!e ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ca.effect.notYet')} />
      ) : (
        <Flex vertical gap={8}>
          <Row gutter={16}>
            <Col span={8}>
              <Statistic
                title={t('ca.effect.before', { from: day(e.before.from), to: day(e.before.to) })}
                value={e.before.count}
                suffix={t('ca.effect.unit')}
              />
            </Col>
            <Col span={8}>
              <Statistic
                title={t('ca.effect.after', { from: day(e.after.from), to: day(e.after.to) })}
                value={e.after.count}
                suffix={t('ca.effect.unit')}
              />
            </Col>
            <Col span={8}>
              {e.changePct === null ? (
                <Statistic title={t('ca.effect.change')} value={t('ca.effect.noBase')} />
              ) : (
                <Statistic
                  title={t('ca.effect.change')}
                  value={e.changePct}
                  suffix="%"
                  prefix={e.changePct > 0 ? '+' : ''}
                  styles={{ content: { color: e.changePct < 0 ? '#389e0d' : '#cf1322' } }}
                />
              )}
            </Col>
          </Row>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('ca.effect.scope', { unit, category })}
          </Typography.Text>
          {!e.complete && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('ca.effect.running', { to: formatTime(e.after.to) })}
            </Typography.Text>
          )}
        </Flex>
      )}
    </Card>
  );
}
