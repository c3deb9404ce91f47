import { Input, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useApi, useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { SearchSelect } from '../../../ui/SearchSelect';
import { ConfirmButton } from './crud/ConfirmButton';
import { CrudTable } from './crud/CrudTable';
import { EditModal } from './crud/EditModal';
import { FormFields } from './crud/FormFields';
import { ShownOnce } from './crud/ShownOnce';
import type { AdminUser, Answer, RowOf } from './shared';

type ApiToken = RowOf<'/api-tokens'>;
const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** API 令牌: bearer tokens integrations act as a user with; shown once when created, revocable. */
export function ApiTokensTab({ users }: { users: AdminUser[] }) {
  const { t } = useI18n();
  const tokens = useApi('/api-tokens', {});
  const create = useApiMutation('POST', '/api-tokens', { invalidates: ['/api-tokens'] });
  const revoke = useApiMutation('DELETE', '/api-tokens/:id', { invalidates: ['/api-tokens'] });
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const named = (u: (typeof users)[number]) => `${u.displayName} (${u.username})`;
  const userName = new Map(users.map((u) => [u.id, named(u)]));
  const userOptions = users.filter((u) => u.active).map((u) => ({ value: u.id, label: named(u) }));

  return (
    <>
      <CrudTable<ApiToken, Answer<'/api-tokens'>>
        query={tokens}
        addLabel={t('admin.tokens.new')}
        editable={false}
        empty={t('admin.tokens.empty')}
        table={{ pagination: false }}
        columns={[
          { title: t('admin.tokens.name'), dataIndex: 'name' },
          {
            title: t('admin.tokens.user'),
            dataIndex: 'userId',
            render: (id: number) => userName.get(id) ?? `#${id}`,
          },
          { title: t('admin.tokens.createdAt'), dataIndex: 'createdAt', render: time },
          {
            title: t('admin.status'),
            key: 'status',
            render: (_, r) =>
              r.revokedAt ? (
                <Tag>{t('admin.tokens.revokedAt', { time: time(r.revokedAt) })}</Tag>
              ) : (
                <Tag color="green">{t('admin.active')}</Tag>
              ),
          },
        ]}
        actions={(r) =>
          r.revokedAt ? null : (
            <ConfirmButton
              label={t('admin.tokens.revoke')}
              confirm={t('admin.tokens.revokeConfirm', { name: r.name })}
              run={() => revoke.mutateAsync({ params: { id: r.id } })}
              done={t('admin.tokens.revoked', { name: r.name })}
            />
          )
        }
        editor={(_, close) => (
          <EditModal<{ name: string; userId: number }>
            name="api_token"
            title={t('admin.tokens.new')}
            initialValues={{}}
            onSubmit={async (v) => {
              const res = await create.mutateAsync({ body: { name: v.name.trim(), userId: v.userId } });
              setCreated({ name: res.name, token: res.token });
            }}
            savedText={(v) => t('admin.tokens.createdTitle', { name: v.name.trim() })}
            onClose={close}
          >
            <FormFields
              fields={[
                {
                  name: 'name',
                  label: t('admin.tokens.name'),
                  extra: t('admin.tokens.nameHelp'),
                  required: 'text',
                  input: <Input maxLength={100} />,
                },
                {
                  name: 'userId',
                  label: t('admin.tokens.user'),
                  extra: t('admin.tokens.userHelp'),
                  required: true,
                  input: <SearchSelect options={userOptions} />,
                },
              ]}
            />
          </EditModal>
        )}
      />
      <ShownOnce
        value={created?.token ?? null}
        title={t('admin.tokens.createdTitle', { name: created?.name ?? '' })}
        warning={t('admin.tokens.once')}
        testId="new-api-token"
        onClose={() => setCreated(null)}
      />
    </>
  );
}
