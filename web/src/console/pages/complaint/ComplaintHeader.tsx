import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import { DeadlineCountdown } from '../../components/DeadlineCountdown';
import { ActionPanel, type ActionRequest } from './ActionPanel';
import { type ComplaintDetail, CURATE_CASE } from './contract';
import { formatTime } from './format';

const STATUS_COLOR: Record<string, string> = {
  received: 'default',
  accepted: 'cyan',
  assigned: 'geekblue',
  investigating: 'blue',
  waiting_customer: 'gold',
  proposed: 'orange',
  approved: 'lime',
  replied: 'purple',
  resolved: 'green',
  invalid: 'default',
  merged: 'default',
  withdrawn: 'default',
  closed: 'green',
};
const PRIORITY_COLOR: Record<string, string> = { P1: 'red', P2: 'orange', P3: 'blue', P4: 'default' };

/** The complaint at a glance: number, title, status and flags, who has it, its clocks and the actions. */
export function ComplaintHeader({
  complaint: c,
  request,
}: {
  complaint: ComplaintDetail;
  request: ActionRequest | null;
}) {
  const { t, term, locale } = useI18n();
  const unitName = c.unit ? (locale === 'en' && c.unit.nameEn ? c.unit.nameEn : c.unit.name) : '—';
  return (
    <Card>
      <Flex vertical gap={12}>
        <Flex justify="space-between" align="start" wrap gap={8}>
          <Flex vertical gap={4} align="start">
            <Link to="/workbench">
              <ArrowLeftOutlined /> {t('cp.back')}
            </Link>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="complaint-number">
              {c.number}
            </Typography.Title>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {c.title}
            </Typography.Text>
          </Flex>
          <Space wrap>
            <Tag color={STATUS_COLOR[c.status]} data-testid="complaint-status" style={{ fontSize: 14 }}>
              {term('status', c.status)}
            </Tag>
            <Tag color={PRIORITY_COLOR[c.priority]}>{term('priority', c.priority)}</Tag>
            <Tag color={c.grade === 'major' ? 'red' : 'default'}>{term('grade', c.grade)}</Tag>
            <Tag>{term('channel', c.channel)}</Tag>
            {c.repeatComplaint && <Tag color="magenta">{t('cp.repeat')}</Tag>}
            {c.referral && (
              <Tag color="purple">
                {t('cp.referralText', {
                  authority: c.referral.authority ?? '—',
                  number: c.referral.number ?? '—',
                })}
              </Tag>
            )}
            {c.escalationLevel > 0 && (
              <Tag color="volcano">{t('cp.escalated', { level: c.escalationLevel })}</Tag>
            )}
            {c.reopenCount > 0 && <Tag color="gold">{t('cp.reopened', { count: c.reopenCount })}</Tag>}
          </Space>
        </Flex>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('cp.unit')}>{unitName}</Descriptions.Item>
          <Descriptions.Item label={t('cp.assignee')}>
            <span data-testid="complaint-assignee">{c.assignee?.name ?? t('cp.unassigned')}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('cp.receivedAt')}>{formatTime(c.receivedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('cp.registeredBy')}>{c.registeredBy?.name ?? '—'}</Descriptions.Item>
        </Descriptions>
        <div>
          <Typography.Text type="secondary">{t('cp.deadlines')}: </Typography.Text>
          {c.deadlines.length === 0 ? (
            <Typography.Text type="secondary">{t('cp.noDeadlines')}</Typography.Text>
          ) : (
            <Space wrap size={[4, 4]} data-testid="complaint-deadlines">
              {c.deadlines.map((d) => (
                <DeadlineCountdown key={d.stage} deadline={d} />
              ))}
            </Space>
          )}
        </div>
        {c.allowedActions.some((a) => a !== CURATE_CASE) && (
          <div>
            <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
              {t('cp.actions')}
            </Typography.Text>
            <ActionPanel complaint={c} request={request} />
          </div>
        )}
      </Flex>
    </Card>
  );
}
