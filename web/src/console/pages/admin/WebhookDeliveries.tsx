import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useApiMutation, useApiPages } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { errorText } from './crud/setting';
import type { RowOf } from './shared';

type Subscription = RowOf<'/webhooks'>;
type Delivery = RowOf<'/webhooks/:id/deliveries'>;
type Attempt = Delivery['attempts'][number];
const STATE_COLOR = { pending: 'blue', delivered: 'green', failed: 'red' } as const;
const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

/** 投递记录: a subscription's deliveries, newest first, each with its attempts; any can be sent again. */
export function WebhookDeliveries({
  subscription,
  onClose,
}: {
  subscription: Subscription;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const input = { params: { id: subscription.id }, query: {} };
  const list = useApiPages('/webhooks/:id/deliveries', input);
  const replay = useApiMutation('POST', '/webhooks/:id/deliveries/:deliveryId/replay', {
    invalidates: ['/webhooks/:id/deliveries'],
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const kindName = (k: string) => t(`webhooks.kind.${k}` as Parameters<typeof t>[0]);

  const sendAgain = async (d: Delivery) => {
    try {
      await replay.mutateAsync({ params: { id: subscription.id, deliveryId: d.id } });
      message.success(t('webhooks.replayed'));
    } catch (e) {
      message.error(errorText(e, t('common.error')));
    }
  };

  return (
    <Drawer open size="large" title={t('webhooks.logTitle', { url: subscription.url })} onClose={onClose}>
      <Space style={{ marginBottom: 16 }}>
        <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()}>
          {t('admin.reload')}
        </Button>
      </Space>
      {list.error && (
        <Typography.Text type="danger">{errorText(list.error, t('common.error'))}</Typography.Text>
      )}
      <div data-testid="webhook-deliveries">
        <Table<Delivery>
          rowKey="id"
          dataSource={rows}
          loading={list.isFetching}
          size="small"
          pagination={false}
          locale={{ emptyText: t('webhooks.logEmpty') }}
          expandable={{ expandedRowRender: (d) => <DeliveryDetail delivery={d} /> }}
          columns={[
            { title: t('webhooks.time'), dataIndex: 'createdAt', render: time, width: 170 },
            { title: t('webhooks.kind'), dataIndex: 'kind', render: kindName },
            {
              title: t('webhooks.state'),
              dataIndex: 'state',
              render: (s: Delivery['state']) => <Tag color={STATE_COLOR[s]}>{t(`webhooks.state.${s}`)}</Tag>,
            },
            { title: t('webhooks.attempts'), key: 'attempts', render: (_, d) => d.attempts.length },
            {
              title: t('webhooks.statusCode'),
              key: 'status',
              render: (_, d) => d.attempts.at(-1)?.statusCode ?? '—',
            },
            {
              title: t('admin.actions'),
              key: 'actions',
              render: (_, d) => (
                <Button size="small" onClick={() => void sendAgain(d)}>
                  {t('webhooks.replay')}
                </Button>
              ),
            },
          ]}
        />
      </div>
      {list.hasNextPage && (
        <Button
          style={{ marginTop: 16 }}
          loading={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t('common.more')}
        </Button>
      )}
    </Drawer>
  );
}

function DeliveryDetail({ delivery }: { delivery: Delivery }) {
  const { t } = useI18n();
  return (
    <>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('webhooks.deliveryId')}>
          <Typography.Text code copyable>
            {delivery.deliveryId}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('webhooks.payload')}>
          <Typography.Text code style={{ wordBreak: 'break-all' }}>
            {delivery.payload}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Table<Attempt>
        rowKey={(a) => `${a.at}-${a.trigger}`}
        dataSource={delivery.attempts}
        size="small"
        pagination={false}
        columns={[
          { title: t('webhooks.time'), dataIndex: 'at', render: time, width: 170 },
          {
            title: t('webhooks.statusCode'),
            dataIndex: 'statusCode',
            render: (c: number | null) => c ?? '—',
          },
          { title: t('webhooks.duration'), dataIndex: 'durationMs', render: (ms: number) => `${ms} ms` },
          {
            title: t('webhooks.trigger'),
            dataIndex: 'trigger',
            render: (x: Attempt['trigger']) => t(`webhooks.trigger.${x}`),
          },
          { title: t('webhooks.error'), dataIndex: 'error', render: (e: string | null) => e ?? '—' },
          {
            title: t('webhooks.response'),
            dataIndex: 'responseSnippet',
            ellipsis: true,
            render: (s: string | null) => s ?? '—',
          },
        ]}
      />
    </>
  );
}
