import { Button, Card, Checkbox, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { CallOutput, EndpointAt } from '../../../api/call';
import { useApiPages } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { QueryError } from '../../components/QueryState';
import { formatTime } from '../complaint/format';
import { LEVEL_COLOR, LEVELS, type Level } from './levels';

type Customer = CallOutput<EndpointAt<'GET', '/customers'>>['items'][number];

/** 客户档案: customers by the start of a name or a whole phone number or e-mail, by level, repeat complainants. */
export default function CustomersPage() {
  const { t } = useI18n();
  const [q, setQ] = useState<string | undefined>();
  const [level, setLevel] = useState<Level | undefined>();
  const [repeat, setRepeat] = useState(false);
  const list = useApiPages('/customers', { query: { q, level, repeat: repeat || undefined, limit: 50 } });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card title={t('cust.title')} data-testid="customers-page">
      <Flex vertical gap={12}>
        <Flex gap={8} wrap align="center">
          <Input.Search
            allowClear
            placeholder={t('cust.search')}
            aria-label={t('cust.search')}
            style={{ width: 340 }}
            onSearch={(v) => setQ(v.trim() || undefined)}
          />
          <Select<Level>
            allowClear
            placeholder={t('cust.level.any')}
            aria-label={t('cust.col.level')}
            style={{ width: 160 }}
            value={level}
            onChange={setLevel}
            options={LEVELS.map((l) => ({ value: l, label: t(`cp.customer.level.${l}`) }))}
          />
          <Checkbox checked={repeat} onChange={(e) => setRepeat(e.target.checked)}>
            {t('cust.repeatOnly')}
          </Checkbox>
        </Flex>
        {list.error && <QueryError error={list.error} retry={list.refetch} />}
        <Table<Customer>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: t('cust.empty') }}
          columns={[
            {
              key: 'name',
              title: t('cust.col.name'),
              render: (_, c) => <Link to={`/customers/${c.id}`}>{c.name}</Link>,
            },
            {
              key: 'level',
              title: t('cust.col.level'),
              render: (_, c) => (
                <Flex gap={4} wrap>
                  {c.level !== 'regular' && (
                    <Tag color={LEVEL_COLOR[c.level]}>{t(`cp.customer.level.${c.level}`)}</Tag>
                  )}
                  {c.repeatComplainant && <Tag color="magenta">{t('cust.repeat')}</Tag>}
                  {c.tags.map((tag) => (
                    <Tag key={tag}>{tag}</Tag>
                  ))}
                </Flex>
              ),
            },
            {
              key: 'contacts',
              title: t('cust.col.contacts'),
              render: (_, c) => [...c.phones, ...c.emails].join('，') || '—',
            },
            { key: 'complaints', title: t('cust.col.complaints'), dataIndex: 'complaintCount' },
            {
              key: 'last',
              title: t('cust.col.last'),
              render: (_, c) => (c.lastComplaintAt ? formatTime(c.lastComplaintAt) : '—'),
            },
          ]}
        />
        {list.hasNextPage && (
          <Flex justify="center">
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common.more')}
            </Button>
          </Flex>
        )}
        <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
          {t('workbench.count', { count: rows.length })}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
