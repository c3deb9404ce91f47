import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { call } from '../../../api/call';
import { ApiError } from '../../../api/client';
import { useApi } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { QueryState } from '../../components/QueryState';
import { HistoryTimeline } from '../../components/RecordHistory';
import { useSession } from '../../session';
import { formatTime } from '../complaint/format';
import { customerWorkbenchUrl } from '../workbench/model';
import { type CustomerProfile, EditCustomer } from './EditCustomer';
import { LEVEL_COLOR } from './levels';

type Contacts = Pick<CustomerProfile, 'phones' | 'emails' | 'addresses'>;
const EVENTS = {
  customer_created: 'cust.event.customer_created',
  customer_updated: 'cust.event.customer_updated',
  personal_data_viewed: 'cust.event.personal_data_viewed',
} as const;

/** 客户档案 of one customer: the profile, the contacts masked until shown, the complaints, the history. */
export default function CustomerPage() {
  const id = Number(useParams().id);
  const profile = useApi('/customers/:id', { params: { id }, query: {} });
  return <QueryState query={profile}>{(c) => <CustomerView customer={c} />}</QueryState>;
}

function CustomerView({ customer: c }: { customer: CustomerProfile }) {
  const { t, term } = useI18n();
  const { has } = useSession();
  const [editing, setEditing] = useState(false);
  const [revealed, setRevealed] = useState<{ at: string; contacts: Contacts } | null>(null);
  const [revealError, setRevealError] = useState<string | null>(null);
  const history = useApi('/customers/:id/timeline', { params: { id: c.id } });
  // Shown contacts belong to the version they were read with: an edit since masks them again.
  const contacts = revealed?.at === c.updatedAt ? revealed.contacts : c;
  const reveal = async () => {
    setRevealError(null);
    try {
      const full = await call('GET', '/customers/:id', { params: { id: c.id }, query: { reveal: true } });
      setRevealed({ at: full.updatedAt, contacts: full });
      await history.refetch();
    } catch (e) {
      setRevealError(e instanceof ApiError ? e.title : t('common.error'));
    }
  };
  const list = (values: string[]) => (values.length ? values.join('，') : '—');
  return (
    <Flex vertical gap={16} data-testid="customer-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {c.name}
          </Typography.Title>
          <Tag color={LEVEL_COLOR[c.level]}>{t(`cp.customer.level.${c.level}`)}</Tag>
          {c.repeatComplainant && <Tag color="magenta">{t('cust.repeat')}</Tag>}
        </Space>
        {has('agent', 'supervisor', 'manager') && (
          <Button onClick={() => setEditing(true)} data-testid="customer-edit">
            {t('cust.edit')}
          </Button>
        )}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <Card
              size="small"
              title={t('cust.profile')}
              extra={
                !revealed &&
                c.mayReveal && (
                  <Button size="small" icon={<EyeOutlined />} onClick={() => void reveal()}>
                    {t('cust.reveal')}
                  </Button>
                )
              }
            >
              <Descriptions size="small" column={1} data-testid="customer-profile">
                <Descriptions.Item label={t('cust.phones')}>
                  {list(contacts.phones.map((p) => p.value))}
                </Descriptions.Item>
                <Descriptions.Item label={t('cust.emails')}>
                  {list(contacts.emails.map((e) => e.value))}
                </Descriptions.Item>
                <Descriptions.Item label={t('cust.addresses')}>{list(contacts.addresses)}</Descriptions.Item>
                <Descriptions.Item label={t('cust.tags')}>
                  {c.tags.length ? c.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('cust.note')}>{c.note ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('cust.counts')}>
                  {t('cust.countsText', c.counts)}
                </Descriptions.Item>
                <Descriptions.Item label={t('cust.since')}>{formatTime(c.createdAt)}</Descriptions.Item>
              </Descriptions>
              {!revealed && c.mayReveal && (
                <Typography.Text type="secondary">{t('cust.revealNote')}</Typography.Text>
              )}
              {revealError && <Alert type="error" showIcon title={revealError} />}
            </Card>
            <Card
              size="small"
              title={t('cust.complaints')}
              extra={<Link to={customerWorkbenchUrl(c.id)}>{t('cust.inWorkbench')}</Link>}
            >
              <Table
                rowKey="number"
                size="small"
                pagination={false}
                dataSource={c.complaints.items}
                data-testid="customer-complaints"
                columns={[
                  {
                    key: 'number',
                    title: t('workbench.col.number'),
                    render: (_, r) => <Link to={`/complaints/${r.number}`}>{r.number}</Link>,
                  },
                  { key: 'title', title: t('workbench.col.title'), dataIndex: 'title' },
                  {
                    key: 'status',
                    title: t('workbench.col.status'),
                    render: (_, r) => <Tag>{term('status', r.status)}</Tag>,
                  },
                  {
                    key: 'received',
                    title: t('workbench.col.received'),
                    render: (_, r) => formatTime(r.receivedAt),
                  },
                ]}
              />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('cust.history')}>
            <QueryState query={history}>
              {(h) => (
                <HistoryTimeline
                  events={h.items}
                  label={(kind) => (kind in EVENTS ? t(EVENTS[kind as keyof typeof EVENTS]) : kind)}
                  system={t('cp.timeline.system')}
                />
              )}
            </QueryState>
          </Card>
        </Col>
      </Row>
      {editing && <EditCustomer customer={c} onClose={() => setEditing(false)} />}
    </Flex>
  );
}
