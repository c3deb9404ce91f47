import { Alert, Card, Descriptions, Empty, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import { LEVEL_COLOR } from '../customers/levels';
import { type CustomerProfile, OPEN_STATUSES } from './vocab';

export type Lookup =
  | { state: 'idle' }
  | { state: 'searching' }
  | { state: 'new' }
  | { state: 'found'; customer: CustomerProfile }
  | { state: 'failed'; message: string };

const LEVEL_KEYS = {
  regular: 'register.level.regular',
  vip: 'register.level.vip',
  key: 'register.level.key',
} as const;

/** Who is calling: the profile found by the phone number, with the earlier complaints. */
/** Statuses in which the complaint still needs work (the API's OPEN_STATUSES). */
const isOpen = (status: string) => (OPEN_STATUSES as readonly string[]).includes(status);

export function CustomerPanel({ lookup }: { lookup: Lookup }) {
  const { t } = useI18n();
  return (
    <Card title={t('register.customer.title')} size="small" data-testid="customer-panel">
      {lookup.state === 'idle' && (
        <Typography.Text type="secondary">{t('register.customer.idle')}</Typography.Text>
      )}
      {lookup.state === 'searching' && <Spin description={t('register.customer.searching')} />}
      {lookup.state === 'new' && <Alert type="info" title={t('register.customer.new')} />}
      {lookup.state === 'failed' && (
        <Alert type="error" title={t('register.customer.failed', { message: lookup.message })} />
      )}
      {lookup.state === 'found' && <Profile customer={lookup.customer} />}
    </Card>
  );
}

function Profile({ customer }: { customer: CustomerProfile }) {
  const { t, term } = useI18n();
  const items = customer.complaints.items;
  const open = customer.counts?.open ?? items.filter((c) => isOpen(c.status)).length;
  const levelKey = LEVEL_KEYS[customer.level as keyof typeof LEVEL_KEYS];
  return (
    <div>
      {open > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="duplicate-warning"
          title={t('register.customer.openWarning', { count: open })}
        />
      )}
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'name',
            label: t('register.customer.name'),
            // The profile in a new tab: the call and the form stay as they are.
            children: (
              <Link to={`/customers/${customer.id}`} target="_blank" data-testid="customer-profile-link">
                {customer.name}
              </Link>
            ),
          },
          {
            key: 'level',
            label: t('register.customer.level'),
            children: (
              <>
                <Tag color={LEVEL_COLOR[customer.level]}>{levelKey ? t(levelKey) : customer.level}</Tag>
                {customer.repeatComplainant && <Tag color="red">{t('register.customer.repeat')}</Tag>}
              </>
            ),
          },
          {
            key: 'count',
            label: t('register.customer.count'),
            children: customer.counts?.total ?? customer.complaintCount,
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('register.customer.history')}
      </Typography.Title>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('register.customer.noHistory')} />
      ) : (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="customer-history">
          {items.map((c) => (
            <li key={c.number} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
              <Link to={`/complaints/${c.number}`} tabIndex={-1}>
                {c.number}
              </Link>{' '}
              <Tag color={isOpen(c.status) ? 'orange' : 'default'}>{term('status', c.status)}</Tag>
              <div>
                <Typography.Text type="secondary">{c.title}</Typography.Text>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
