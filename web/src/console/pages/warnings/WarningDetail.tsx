import { Card, Col, Descriptions, Empty, Flex, Row, Tag, Typography } from 'antd';
import { useApi } from '../../../api/hooks';
import { type Translate, useI18n } from '../../../i18n';
import { QueryState } from '../../components/QueryState';
import { HistoryTimeline, LinkedComplaints } from '../../components/RecordHistory';
import { useUnitName } from '../../components/units';
import { formatTime } from '../complaint/format';
import { figuresText } from './figures';
import { SpikeChart } from './SpikeChart';
import { useScopeText } from './scope-text';
import { KIND_COLOR, STATUS_COLOR, type WarningView } from './shared';
import { WarningButtons } from './WarningButtons';

type Key = Parameters<Translate>[0];

/** 预警详情: what triggered it, the chart (spikes), the complaints behind it, its history. */
export function WarningDetail({ id }: { id: number }) {
  const warning = useApi('/warnings/:id', { params: { id } });
  return <QueryState query={warning}>{(w) => <WarningCard warning={w} />}</QueryState>;
}

function WarningCard({ warning: w }: { warning: WarningView }) {
  const { t } = useI18n();
  const unitName = useUnitName();
  const scopeText = useScopeText();
  return (
    <Flex vertical gap={16} data-testid="warn-detail">
      <Card
        size="small"
        title={
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong>
              #{w.id} {scopeText(w.scope)}
            </Typography.Text>
            <Tag color={KIND_COLOR[w.kind] ?? 'blue'}>{t(`warn.kind.${w.kind}` as Key)}</Tag>
            <Tag color={STATUS_COLOR[w.status]}>{t(`warn.status.${w.status}` as Key)}</Tag>
          </Flex>
        }
        extra={<WarningButtons warning={w} />}
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('warn.col.figures')} span="filled">
            {figuresText(w, t)}
          </Descriptions.Item>
          <Descriptions.Item label={t('warn.col.unit')}>{unitName(w.unit.id, w.unit.name)}</Descriptions.Item>
          <Descriptions.Item label={t('warn.col.owner')}>{w.owner?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('warn.col.raised')}>{formatTime(w.raisedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('warn.updated')}>
            {formatTime(w.updatedAt)} · {t('warn.triggers', { count: w.triggers })}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {w.series.length > 0 && (
        <Card size="small" title={t('warn.chart')}>
          <SpikeChart series={w.series} />
        </Card>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('warn.linked', { count: w.complaints })}>
            {w.linked.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <LinkedComplaints items={w.linked} testId="warn-linked" />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('warn.history')}>
            <HistoryTimeline
              events={w.history}
              label={(kind) => t(`warn.event.${kind}` as Key)}
              system={t('warn.system')}
            />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
