import { Card, Col, Descriptions, Flex, Row, Statistic, Table, Typography } from 'antd';
import type { CallOutput, EndpointAt } from '../../../api/call';
import { useI18n } from '../../../i18n';
import { hours, num, pct, yuan } from './format';

export type PersonSheet = CallOutput<EndpointAt<'GET', '/assessment/people/:userId'>>;
const KINDS = ['major', 'service_conduct', 'business_error', 'minor_slip'] as const;

/** A person's sheet: as responsible, as handler, and the score with the lines that made it. */
export function PersonSheetView({ sheet }: { sheet: PersonSheet }) {
  const { t, term } = useI18n();
  const r = sheet.responsible;
  const h = sheet.handler;
  const s = h.satisfaction;
  const withHours = (ms: number | null) => {
    const v = hours(ms);
    return v === null ? '—' : t('as.hours', { value: v });
  };
  return (
    <Flex vertical gap={16}>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('as.score')} value={num(sheet.score.total)} data-testid="score" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('as.valid')} value={r.valid} data-testid="valid" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('as.onTime')} value={pct(h.onTimeRate)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('as.nps')} value={num(s.nps, 1)} />
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('as.responsible')} size="small">
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('as.received')}>{r.received}</Descriptions.Item>
              <Descriptions.Item label={t('as.judged')}>{r.judged}</Descriptions.Item>
              <Descriptions.Item label={t('as.valid')}>{r.valid}</Descriptions.Item>
              {KINDS.map((k) => (
                <Descriptions.Item key={k} label={`· ${t(`as.kind.${k}`)}`}>
                  {r.validByKind[k]}
                </Descriptions.Item>
              ))}
              <Descriptions.Item label={t('as.majorValid')}>{r.majorValid}</Descriptions.Item>
              <Descriptions.Item label={t('as.remediesPaid')}>{yuan(r.remediesPaid)}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('as.handler')} size="small">
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('as.handled')}>{h.handled}</Descriptions.Item>
              <Descriptions.Item label={t('as.onTime')}>{pct(h.onTimeRate)}</Descriptions.Item>
              <Descriptions.Item label={t('as.median')}>{withHours(h.handlingMedianMs)}</Descriptions.Item>
              <Descriptions.Item label={t('as.p90')}>{withHours(h.handlingP90Ms)}</Descriptions.Item>
              <Descriptions.Item label={t('as.firstContact')}>{pct(h.firstContactRate)}</Descriptions.Item>
              <Descriptions.Item label={t('as.reopenRate')}>{pct(h.reopenRate)}</Descriptions.Item>
              <Descriptions.Item label={t('as.unsatisfied')}>{h.unsatisfied}</Descriptions.Item>
              <Descriptions.Item label={t('as.surveys')}>
                {s.surveys} · {t('as.speed')} {num(s.speed)} · {t('as.effectiveness')} {num(s.effectiveness)}{' '}
                · {t('as.attitude')} {num(s.attitude)} · {t('as.transparency')} {num(s.transparency)}
              </Descriptions.Item>
              <Descriptions.Item label={t('as.quality')}>
                {num(h.quality.average)} ({t('as.qualityChecks', { count: h.quality.checks })})
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('as.scoreLines')} size="small">
            <Table
              size="small"
              pagination={false}
              rowKey="code"
              dataSource={sheet.score.lines}
              columns={[
                {
                  title: t('as.scoreLines'),
                  dataIndex: 'code',
                  render: (c: string) => t(`as.line.${c}` as Parameters<typeof t>[0]),
                },
                {
                  title: t('as.count'),
                  dataIndex: 'count',
                  render: (c: number | null, line) =>
                    line.rate === undefined
                      ? (c ?? '')
                      : t('as.rateBasis', { rate: pct(line.rate), target: pct(line.target ?? null) }),
                },
                { title: t('as.points'), dataIndex: 'points', render: (p: number) => num(p) },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={2}>
                    <Typography.Text strong>{t('as.score')}</Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1}>
                    <Typography.Text strong>{num(sheet.score.total)}</Typography.Text>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('as.stages')} size="small">
            <Table
              size="small"
              pagination={false}
              rowKey="stage"
              dataSource={h.stages}
              columns={[
                { title: t('as.stage'), dataIndex: 'stage', render: (st: string) => term('stage', st) },
                {
                  title: t('as.onTime'),
                  render: (_: unknown, st) =>
                    `${pct(st.rate)} (${t('as.met', { met: st.met, total: st.total })})`,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
