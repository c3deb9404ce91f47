import { Button, Card, Col, Flex, message, Row, Statistic, Table, TreeSelect, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { CallOutput, EndpointAt } from '../../../api/call';
import { ApiError } from '../../../api/client';
import { useApi, useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { QueryState } from '../../components/QueryState';
import { useUnitName, useUnits } from '../../components/units';
import { useSession } from '../../session';
import { num, pct, yuan } from './format';
import { PeriodBar } from './PeriodBar';
import { asQuery, usePeriod } from './period';

type UnitSheet = CallOutput<EndpointAt<'GET', '/assessment/units/:unitId'>>;
type Person = UnitSheet['people'][number];

/** 单位考核: a unit subtree's figures and its people; a name opens that person's sheet. */
export default function UnitAssessmentPage() {
  const { t } = useI18n();
  const { user, has } = useSession();
  const period = usePeriod();
  const units = useUnits();
  const unitId = Number(period.params.get('unit')) || (user?.unitId ?? 0);
  const sheet = useApi('/assessment/units/:unitId', { params: { unitId }, query: period.query });
  const close = useApiMutation('POST', '/assessment/periods/:period/close', {
    invalidates: ['/assessment/units/:unitId', '/assessment/people/:userId'],
  });
  const reopen = useApiMutation('POST', '/assessment/periods/:period/reopen', {
    invalidates: ['/assessment/units/:unitId', '/assessment/people/:userId'],
  });
  const tree = units.map((u) => ({ value: u.id, title: u.label, pId: u.parentId ?? 0, id: u.id }));
  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      message.success(done);
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : t('common.error'));
    }
  };
  const oneMonth = period.from === period.to;
  return (
    <Flex vertical gap={16} data-testid="unit-assessment-page">
      <Card>
        <Flex vertical gap={12}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('as.unit.title')}
          </Typography.Title>
          <Flex gap={12} wrap align="center">
            <span>{t('as.unit.unit')}</span>
            <TreeSelect
              style={{ minWidth: 220 }}
              treeDataSimpleMode
              treeData={tree}
              value={unitId}
              treeDefaultExpandAll
              onChange={(id: number) => period.setParam('unit', String(id))}
            />
            <PeriodBar
              frozen={sheet.data?.frozen ?? null}
              exportUrl={`/api/v1/assessment/units/${unitId}/sheet.xlsx?${asQuery(period.query)}`}
            />
            {has('manager') && oneMonth ? (
              sheet.data?.frozen ? (
                <Button
                  onClick={() =>
                    act(() => reopen.mutateAsync({ params: { period: period.from } }), t('as.reopened'))
                  }
                >
                  {t('as.reopenPeriod')}
                </Button>
              ) : (
                <Button
                  onClick={() =>
                    act(() => close.mutateAsync({ params: { period: period.from } }), t('as.closed'))
                  }
                >
                  {t('as.close')}
                </Button>
              )
            ) : null}
          </Flex>
        </Flex>
      </Card>
      <QueryState query={sheet}>
        {(data) => <UnitSheetView sheet={data} query={asQuery(period.query)} />}
      </QueryState>
    </Flex>
  );
}

function UnitSheetView({ sheet, query }: { sheet: UnitSheet; query: string }) {
  const { t } = useI18n();
  const unitName = useUnitName();
  const r = sheet.responsible;
  const h = sheet.handler;
  return (
    <Flex vertical gap={16}>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('as.valid')} value={r.valid} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={t('as.unit.rate')}
              value={
                sheet.validPer10kParcels === null ? t('as.unit.noVolume') : num(sheet.validPer10kParcels)
              }
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('as.onTime')} value={pct(h.onTimeRate)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('as.remediesPaid')} value={yuan(r.remediesPaid)} />
          </Card>
        </Col>
      </Row>
      <Card title={t('as.unit.people')} size="small">
        <Table<Person>
          size="small"
          rowKey="id"
          dataSource={sheet.people}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          columns={[
            {
              title: t('as.unit.name'),
              dataIndex: 'name',
              render: (name: string, p) => <Link to={`/assessment?user=${p.id}&${query}`}>{name}</Link>,
            },
            { title: t('as.unit.unit'), key: 'unit', render: (_, p) => unitName(p.unitId, p.unitName) },
            { title: t('as.received'), dataIndex: 'received' },
            { title: t('as.valid'), dataIndex: 'valid' },
            { title: t('as.handled'), dataIndex: 'handled' },
            { title: t('as.onTime'), dataIndex: 'onTimeRate', render: pct },
            { title: t('as.firstContact'), dataIndex: 'firstContactRate', render: pct },
            { title: t('as.reopenRate'), dataIndex: 'reopenRate', render: pct },
            { title: t('as.nps'), dataIndex: 'nps', render: (v: number | null) => num(v, 1) },
            { title: t('as.quality'), dataIndex: 'qualityAverage', render: (v: number | null) => num(v) },
            {
              title: t('as.unit.score'),
              dataIndex: 'score',
              render: (v: number) => num(v),
              sorter: (a, b) => a.score - b.score,
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
