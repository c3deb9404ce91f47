import { App, Button, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { WEBHOOK_EVENT_KINDS } from '../../../../../src/modules/webhooks/schemas';
import { useApi, useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { ConfirmButton } from './crud/ConfirmButton';
import { CrudTable } from './crud/CrudTable';
import { EditModal } from './crud/EditModal';
import { FormFields } from './crud/FormFields';
import { ShownOnce } from './crud/ShownOnce';
import { errorText } from './crud/setting';
import type { Answer, RowOf } from './shared';
import { WebhookDeliveries } from './WebhookDeliveries';

type Subscription = RowOf<'/webhooks'>;
type Values = Pick<Subscription, 'url' | 'kinds' | 'active'> & { description?: string };
const invalidates = ['/webhooks' as const];

/** Webhook 订阅: integrations told of complaint events, signed; each with its delivery log. */
export function WebhooksTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const subscriptions = useApi('/webhooks', {});
  const create = useApiMutation('POST', '/webhooks', { invalidates });
  const replace = useApiMutation('PUT', '/webhooks/:id', { invalidates });
  const remove = useApiMutation('DELETE', '/webhooks/:id', { invalidates });
  const rotate = useApiMutation('POST', '/webhooks/:id/rotate-secret', { invalidates });
  const test = useApiMutation('POST', '/webhooks/:id/test', { invalidates: ['/webhooks/:id/deliveries'] });
  const [secret, setSecret] = useState<string | null>(null);
  const [log, setLog] = useState<Subscription | null>(null);
  const kindName = (k: string) => t(`webhooks.kind.${k}` as Parameters<typeof t>[0]);
  const kindOptions = WEBHOOK_EVENT_KINDS.map((k) => ({ value: k, label: kindName(k) }));

  const sendTest = async (s: Subscription) => {
    try {
      await test.mutateAsync({ params: { id: s.id } });
      message.success(t('webhooks.testSent'));
    } catch (e) {
      message.error(errorText(e, t('common.error')));
    }
  };

  return (
    <>
      <CrudTable<Subscription, Answer<'/webhooks'>>
        help={t('webhooks.help')}
        query={subscriptions}
        activeColumn
        addLabel={t('webhooks.new')}
        empty={t('webhooks.empty')}
        table={{ pagination: false }}
        columns={[
          { title: t('webhooks.url'), dataIndex: 'url', render: (url: string) => <code>{url}</code> },
          { title: t('webhooks.description'), dataIndex: 'description' },
          {
            title: t('webhooks.kinds'),
            dataIndex: 'kinds',
            render: (kinds: string[]) => (
              <Space size={[0, 4]} wrap>
                {kinds.map((k) => (
                  <Tag key={k}>{kindName(k)}</Tag>
                ))}
              </Space>
            ),
          },
        ]}
        actions={(s) => (
          <>
            <Button size="small" onClick={() => setLog(s)}>
              {t('webhooks.log')}
            </Button>
            <Button size="small" onClick={() => void sendTest(s)}>
              {t('webhooks.test')}
            </Button>
            <ConfirmButton
              label={t('webhooks.rotate')}
              confirm={t('webhooks.rotateConfirm')}
              danger={false}
              run={async () => setSecret((await rotate.mutateAsync({ params: { id: s.id } })).secret)}
              done={t('webhooks.rotated')}
            />
            <ConfirmButton
              label={t('webhooks.delete')}
              confirm={t('webhooks.deleteConfirm')}
              run={() => remove.mutateAsync({ params: { id: s.id } })}
              done={t('webhooks.deleted')}
            />
          </>
        )}
        editor={(editing) => {
          const row = editing.mode === 'edit' ? editing.row : null;
          return (
            <EditModal<Values>
              name="webhook"
              width={640}
              texts={{
                create: t('webhooks.new'),
                edit: t('webhooks.edit'),
                created: () => t('webhooks.created'),
                saved: t('webhooks.saved'),
              }}
              initialValues={row ?? { kinds: ['complaint.registered'], active: true }}
              onSubmit={async (v) => {
                const body = { ...v, url: v.url.trim(), description: v.description?.trim() ?? '' };
                if (row) return replace.mutateAsync({ params: { id: row.id }, body });
                setSecret((await create.mutateAsync({ body })).secret);
              }}
            >
              <FormFields
                fields={[
                  {
                    name: 'url',
                    label: t('webhooks.url'),
                    extra: t('webhooks.urlHelp'),
                    required: 'text',
                    input: <Input maxLength={2000} placeholder="https://" />,
                  },
                  {
                    name: 'kinds',
                    label: t('webhooks.kinds'),
                    required: true,
                    input: <Select mode="multiple" options={kindOptions} />,
                  },
                  {
                    name: 'description',
                    label: t('webhooks.description'),
                    extra: t('webhooks.descriptionHelp'),
                    input: <Input maxLength={200} />,
                  },
                  { name: 'active', label: t('admin.status'), toggle: true },
                ]}
              />
            </EditModal>
          );
        }}
      />
      <ShownOnce
        value={secret}
        title={t('webhooks.secretTitle')}
        warning={t('webhooks.secretOnce')}
        testId="webhook-secret"
        onClose={() => setSecret(null)}
      />
      {log && <WebhookDeliveries subscription={log} onClose={() => setLog(null)} />}
    </>
  );
}
