import { ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Flex,
  Form,
  Input,
  Modal,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { CallOutput, EndpointAt } from '../../../api/call';
import { ApiError } from '../../../api/client';
import { useApi, useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { QueryError } from '../../components/QueryState';
import { useSession } from '../../session';
import { ReasonField } from './actions/fields';
import { COMPLAINT_READS } from './contract';
import { PendingExtensions } from './extensions/PendingExtensions';
import { FulfilmentsTable } from './FulfilmentsTable';
import { yuan } from './format';

type Pending = CallOutput<EndpointAt<'GET', '/approvals'>>['items'][number];
type AuthorityLimits = CallOutput<EndpointAt<'GET', '/settings/authority-limits'>>;

/** The most this user may approve alone: null = no limit, undefined = nothing. */
function myLimit(limits: AuthorityLimits | undefined, roles: string[]): number | null | undefined {
  if (!limits) return undefined;
  const mine = Object.entries(limits.limits)
    .filter(([r]) => roles.includes(r))
    .map(([, l]) => l);
  if (!mine.length) return undefined;
  if (mine.some((l) => l === null)) return null;
  return Math.max(...(mine as number[]));
}

/**
 * 待审批: remedies waiting for a decision (one list from the server), with approve and reject; below,
 * the approved ones being carried out (方案执行).
 */
export default function ApprovalsPage() {
  const { t, term } = useI18n();
  const { user } = useSession();
  const { message } = App.useApp();
  const pending = useApi('/approvals', {});
  const limits = useApi('/settings/authority-limits', {}).data;
  /** The API's answer to the last approve or reject that failed (kept apart from loading errors). */
  const [problem, setProblem] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<{ row: Pending; kind: 'approve' | 'reject' } | null>(null);
  const [form] = Form.useForm<{ text?: string }>();
  const invalidates = ['/approvals' as const, ...COMPLAINT_READS];
  const approve = useApiMutation('POST', '/complaints/:number/approve', { invalidates });
  const reject = useApiMutation('POST', '/complaints/:number/reject', { invalidates });
  const busy = approve.isPending || reject.isPending;
  const rows = pending.data?.items ?? [];
  const load = () => void pending.refetch();

  const limit = myLimit(limits, user?.roles ?? []);
  const limitText =
    limit === undefined ? t('approvals.noAuthority') : limit === null ? t('approvals.noLimit') : yuan(limit);

  const decide = async () => {
    if (!deciding) return;
    const { row, kind } = deciding;
    const values = await form.validateFields();
    const text = values.text?.trim();
    const params = { number: row.number };
    try {
      if (kind === 'approve') await approve.mutateAsync({ params, body: text ? { comment: text } : {} });
      else await reject.mutateAsync({ params, body: { reason: text ?? '' } });
      message.success(
        t(kind === 'approve' ? 'approvals.approved' : 'approvals.rejected', { number: row.number }),
      );
      setDeciding(null);
      setProblem(null);
    } catch (e) {
      // The API's problem in the console's language, e.g. an amount above this user's limit.
      setDeciding(null);
      setProblem(e instanceof ApiError ? e.title : String(e));
    }
  };

  const open = (row: Pending, kind: 'approve' | 'reject') => {
    setDeciding({ row, kind });
  };

  const columns: TableColumnsType<Pending> = [
    {
      key: 'number',
      title: t('approvals.col.number'),
      width: 180,
      render: (_, r) => <Link to={`/complaints/${r.number}`}>{r.number}</Link>,
    },
    { key: 'title', title: t('approvals.col.title'), dataIndex: 'title', ellipsis: true },
    {
      key: 'grade',
      title: t('approvals.col.grade'),
      render: (_, r) => (
        <Flex vertical align="start" gap={4}>
          <Tag color={r.grade === 'major' ? 'red' : undefined}>{term('grade', r.grade)}</Tag>
          <Tag>{term('priority', r.priority)}</Tag>
        </Flex>
      ),
    },
    {
      key: 'remedy',
      title: t('approvals.col.remedy'),
      render: (_, r) => (
        <Flex vertical gap={4}>
          <Space size={4} wrap>
            {r.remedy.kinds.map((k) => (
              <Tag key={k}>{t(`approvals.kind.${k}` as Parameters<typeof t>[0])}</Tag>
            ))}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.remedy.description}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'amount',
      title: t('approvals.col.amount'),
      align: 'right',
      render: (_, r) => {
        const over = r.beyondAuthority;
        return (
          <Flex vertical align="end" gap={4}>
            <Typography.Text strong data-testid={`amount-${r.number}`}>
              {yuan(r.remedy.amount)}
            </Typography.Text>
            {over && <Tag color="warning">{t('approvals.overLimit')}</Tag>}
          </Flex>
        );
      },
    },
    {
      key: 'proposedBy',
      title: t('approvals.col.proposedBy'),
      render: (_, r) => r.remedy.proposedBy?.name ?? '—',
    },
    {
      key: 'requiredRole',
      title: t('approvals.col.requiredRole'),
      render: (_, r) =>
        r.remedy.requiredRole ? t(`approvals.role.${r.remedy.requiredRole}` as Parameters<typeof t>[0]) : '—',
    },
    {
      key: 'actions',
      title: t('approvals.col.actions'),
      width: 170,
      render: (_, r) => (
        <Space>
          <Button type="primary" size="small" onClick={() => open(r, 'approve')}>
            {t('approvals.approve')}
          </Button>
          <Button danger size="small" onClick={() => open(r, 'reject')}>
            {t('approvals.reject')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('approvals.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('approvals.intro')}</Typography.Text>
        </div>
        <Space>
          <Typography.Text data-testid="my-limit">
            {t('approvals.myLimit', { limit: limitText })}
          </Typography.Text>
          <Tooltip title={t('dashboard.refresh')}>
            <Button icon={<ReloadOutlined />} onClick={load} aria-label={t('dashboard.refresh')} />
          </Tooltip>
        </Space>
      </Flex>
      {pending.error && <QueryError error={pending.error} retry={load} />}
      {problem && (
        <Alert type="error" showIcon closable={{ onClose: () => setProblem(null) }} title={problem} />
      )}
      <div data-testid="pending-approvals">
        <Table<Pending>
          rowKey="number"
          columns={columns}
          dataSource={rows}
          loading={pending.isPending}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('approvals.empty') }}
        />
      </div>
      <PendingExtensions />
      <FulfilmentsTable />
      <Modal
        open={deciding !== null}
        title={
          deciding &&
          t(deciding.kind === 'approve' ? 'approvals.approveTitle' : 'approvals.rejectTitle', {
            number: deciding.row.number,
          })
        }
        okText={deciding?.kind === 'reject' ? t('approvals.reject') : t('approvals.approve')}
        okButtonProps={{ danger: deciding?.kind === 'reject', loading: busy }}
        cancelText={t('common.cancel')}
        onOk={() => void decide().catch(() => {})}
        onCancel={() => setDeciding(null)}
        destroyOnHidden
      >
        {deciding && (
          <Form form={form} layout="vertical" preserve={false}>
            <Typography.Paragraph>
              {deciding.row.title} · {yuan(deciding.row.remedy.amount)}
            </Typography.Paragraph>
            {deciding.kind === 'approve' ? (
              <Form.Item name="text" label={t('approvals.comment')}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
            ) : (
              <ReasonField
                name="text"
                label={t('approvals.reason')}
                message={t('approvals.reasonRequired')}
              />
            )}
          </Form>
        )}
      </Modal>
    </Flex>
  );
}
