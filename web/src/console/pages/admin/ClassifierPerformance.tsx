import { Card, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { useApi } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { QueryState } from '../../components/QueryState';
import { ModelSelect } from './ModelSelect';
import type { Answer } from './shared';

type Performance = Answer<'/classification/performance'>;
type Row = Performance['classes'][number];
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** 模型表现: how a model classifies the last month's confirmed categories, per level-1 category. */
export function ClassifierPerformance({ activeModel }: { activeModel: string }) {
  const { t } = useI18n();
  const [model, setModel] = useState<string | null>(null);
  const chosen = model ?? activeModel;
  const report = useApi('/classification/performance', { query: { model: chosen } }, { enabled: !!chosen });
  return (
    <Card size="small" title={t('classifier.performance')} data-testid="classifier-performance">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('classifier.performance.help')}</Typography.Text>
        <Flex gap={8} align="center">
          <Typography.Text>{t('classifier.performance.model')}</Typography.Text>
          <ModelSelect
            aria-label={t('classifier.performance.model')}
            value={chosen}
            onChange={setModel}
            style={{ minWidth: 260, maxWidth: 420 }}
          />
        </Flex>
        <QueryState
          query={report}
          isEmpty={(d) => d.rows === 0}
          empty={<Typography.Text type="secondary">{t('classifier.performance.empty')}</Typography.Text>}
        >
          {(d) => <Report data={d} />}
        </QueryState>
      </Flex>
    </Card>
  );
}

function Report({ data }: { data: Performance }) {
  const { t, locale } = useI18n();
  const name = (c: Row) => (locale === 'en' ? c.nameEn : c.nameZh);
  const columns = [...data.classes.map(name), t('classifier.performance.none')];
  return (
    <Flex vertical gap={12}>
      <Typography.Text strong>
        {t('classifier.performance.summary', { rows: data.rows, accuracy: percent(data.accuracy) })}
        {data.capped ? ` ${t('classifier.performance.capped', { rows: data.rows })}` : ''}
      </Typography.Text>
      <Table<Row>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={data.classes}
        columns={[
          { title: t('classifier.performance.class'), render: (_, c) => name(c) },
          { title: t('classifier.performance.rows'), dataIndex: 'rows', align: 'right' },
          { title: t('classifier.performance.correct'), dataIndex: 'correct', align: 'right' },
          { title: t('classifier.performance.recall'), render: (_, c) => percent(c.recall), align: 'right' },
        ]}
      />
      <Typography.Text type="secondary">{t('classifier.performance.confusion')}</Typography.Text>
      <Table<{ key: number; label: string; cells: number[] }>
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={data.classes.map((c, i) => ({
          key: c.id,
          label: name(c),
          cells: data.confusion[i] ?? [],
        }))}
        columns={[
          { title: '', dataIndex: 'label', fixed: 'left' },
          ...columns.map((title, k) => ({
            title,
            key: String(k),
            align: 'right' as const,
            render: (_: unknown, r: { cells: number[] }) => r.cells[k] ?? 0,
          })),
        ]}
      />
    </Flex>
  );
}
