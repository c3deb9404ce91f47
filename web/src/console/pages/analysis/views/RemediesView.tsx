import { Card, Col, Row, Table } from 'antd';
import { useI18n } from '../../../../i18n';
import type { Figures } from '../drill';
import { ExportButton } from '../ExportButton';
import type { AnalysisFilters } from '../filters';
import { formats } from '../format';

type Sum = Figures['remedies']['byKind'][number];

/** 补救: remedies and their amounts by kind and by the approver's level. */
export function RemediesView({ figures, filters }: { figures: Figures; filters: AnalysisFilters }) {
  const { t, locale } = useI18n();
  const f = formats(locale);
  const table = (title: string, rows: Sum[], name: (key: string) => string, testId: string) => (
    <Table<Sum>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid={testId}
      columns={[
        { key: 'key', title, render: (_, r) => name(r.key) },
        {
          key: 'remedies',
          title: t('an.col.remedies'),
          align: 'right',
          render: (_, r) => f.number(r.remedies),
        },
        { key: 'amount', title: t('an.col.amount'), align: 'right', render: (_, r) => f.yuan(r.amount) },
      ]}
    />
  );
  const own = (prefix: 'an.remedy' | 'an.approver') => (key: string) => {
    const k = `${prefix}.${key}` as Parameters<typeof t>[0];
    const text = t(k);
    return text === k ? key : text;
  };
  return (
    <Card
      title={`${t('an.tab.remedies')} · ${t('an.card.remediesCount', { n: f.number(figures.remedies.remedies) })} · ${f.yuan(figures.remedies.amount)}`}
      extra={<ExportButton filters={filters} table="remedies" />}
    >
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={12}>
          {table(t('an.col.kind'), figures.remedies.byKind, own('an.remedy'), 'remedies-by-kind')}
        </Col>
        <Col xs={24} lg={12}>
          {table(t('an.col.level'), figures.remedies.byLevel, own('an.approver'), 'remedies-by-level')}
        </Col>
      </Row>
    </Card>
  );
}
