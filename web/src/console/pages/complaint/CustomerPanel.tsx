import { EyeOutlined, PhoneOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { type Translate, useI18n } from '../../../i18n';
import { useSession } from '../../session';
import { CUSTOMER_READERS, LEVEL_COLOR, type Level } from '../customers/levels';
import { customerWorkbenchUrl } from '../workbench/model';
import type { ComplaintDetail } from './contract';
import { formatTime } from './format';
import type { ShownContact } from './RecordCard';

type Key = Parameters<Translate>[0];

/**
 * 客户: who is behind the complaint — level, tags, repeat flag, their other complaints — and the
 * phone number to call back, revealed on demand (the reveal is recorded in the history).
 */
export function CustomerPanel({
  complaint: c,
  contact,
  revealed,
  revealing,
  revealError,
  onReveal,
}: {
  complaint: ComplaintDetail;
  contact: ShownContact;
  revealed: boolean;
  revealing: boolean;
  revealError: string | null;
  onReveal(): void;
}) {
  const { t, term } = useI18n();
  const { has } = useSession();
  const customer = c.customer;
  const hasContact = !!(c.complainant.phone || c.complainant.email);
  return (
    <Card title={t('cp.customer.section')} size="small" data-testid="complaint-customer">
      <Flex vertical gap={8}>
        <Space wrap>
          {customer && has(...CUSTOMER_READERS) ? (
            <Link to={`/customers/${customer.id}`} data-testid="customer-profile-link">
              <Typography.Text strong>{c.complainant.name}</Typography.Text>
            </Link>
          ) : (
            <Typography.Text strong>{c.complainant.name}</Typography.Text>
          )}
          {customer && (
            <Tag color={LEVEL_COLOR[customer.level as Level]} data-testid="customer-level">
              {t(`cp.customer.level.${customer.level}` as Key)}
            </Tag>
          )}
          {(c.repeatComplaint || customer?.repeatComplainant) && (
            <Tag color="magenta" data-testid="customer-repeat">
              {t('cp.customer.repeat')}
            </Tag>
          )}
          {customer?.tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </Space>
        <Flex gap={8} align="center" wrap>
          <PhoneOutlined />
          <span data-testid="customer-phone">{contact.phone ?? '—'}</span>
          {revealed ? (
            <Tag color="orange" icon={<EyeOutlined />} data-testid="revealed">
              {t('cp.revealed')}
            </Tag>
          ) : (
            hasContact &&
            c.complainant.mayReveal && (
              <Button size="small" icon={<EyeOutlined />} loading={revealing} onClick={onReveal}>
                {t('cp.reveal')}
              </Button>
            )
          )}
        </Flex>
        {c.complainant.mayReveal && !revealed && hasContact && (
          <Typography.Text type="secondary">{t('cp.revealNote')}</Typography.Text>
        )}
        {revealError && <Alert type="error" showIcon title={revealError} />}
        {!customer ? (
          <Typography.Text type="secondary">{t('cp.customer.none')}</Typography.Text>
        ) : (
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('cp.customer.others')}>
              <Flex vertical gap={2} data-testid="customer-others">
                <Typography.Text type="secondary">
                  {t('cp.customer.count', { count: customer.complaintCount })}{' '}
                  {customer.complaintCount > 1 && (
                    <Link to={customerWorkbenchUrl(customer.id)} data-testid="customer-all">
                      {t('cp.customer.all')}
                    </Link>
                  )}
                </Typography.Text>
                {customer.otherComplaints.length === 0 ? (
                  <Typography.Text type="secondary">{t('cp.customer.noOthers')}</Typography.Text>
                ) : (
                  customer.otherComplaints.map((o) => (
                    <span key={o.number}>
                      <Link to={`/complaints/${o.number}`}>{o.number}</Link> {o.title}{' '}
                      <Tag>{term('status', o.status)}</Tag>
                      <Typography.Text type="secondary">{formatTime(o.receivedAt)}</Typography.Text>
                    </span>
                  ))
                )}
              </Flex>
            </Descriptions.Item>
          </Descriptions>
        )}
      </Flex>
    </Card>
  );
}
