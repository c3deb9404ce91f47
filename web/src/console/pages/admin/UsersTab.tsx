import { Button, Input, Select, Space, Tag, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useApi, useApiMutation } from '../../../api/hooks';
import { type Locale, useI18n } from '../../../i18n';
import { LANGUAGE_OPTIONS } from '../../../i18n/languages';
import { ConfirmButton } from './crud/ConfirmButton';
import { CrudTable, type Editing } from './crud/CrudTable';
import { EditModal } from './crud/EditModal';
import { FormFields } from './crud/FormFields';
import { type AdminUser, type Answer, ROLES, type Role, type Unit, unitOptions, unitTree } from './shared';
import { UserSecurityModal } from './UserSecurityModal';

interface UserValues {
  username: string;
  displayName: string;
  password?: string;
  unitId: number;
  roles: Role[];
  email?: string;
  phone?: string;
  locale: Locale;
}
const orNull = (s?: string) => (s?.trim() ? s.trim() : null);
const invalidates = ['/users' as const, '/staff' as const];

/** Staff accounts: create with a password, change unit and roles; deactivating one is asked first. */
export function UsersTab({ units }: { units: Unit[] }) {
  const { t, locale } = useI18n();
  const users = useApi('/users', {});
  const change = useApiMutation('PATCH', '/users/:id', { invalidates });
  const [search, setSearch] = useState('');
  const [securityOf, setSecurityOf] = useState<AdminUser | null>(null);
  const unitName = useMemo(() => {
    const byId = new Map(units.map((u) => [u.id, locale === 'en' && u.nameEn ? u.nameEn : u.name]));
    return (id: number) => byId.get(id) ?? String(id);
  }, [units, locale]);
  const matches = (u: AdminUser) =>
    !search || [u.username, u.displayName].some((s) => s.toLowerCase().includes(search.toLowerCase()));

  const securityButton = (u: AdminUser) => (
    <Button size="small" onClick={() => setSecurityOf(u)} data-testid={`user-security-${u.username}`}>
      {t('security.admin.open')}
    </Button>
  );

  return (
    <>
      {securityOf && <UserSecurityModal user={securityOf} onClose={() => setSecurityOf(null)} />}
      <CrudTable<AdminUser, Answer<'/users'>>
        query={users}
        rows={(d) => d.items.filter(matches)}
        activeColumn
        addLabel={t('admin.users.new')}
        toolbar={
          <Input.Search
            allowClear
            placeholder={t('admin.users.search')}
            aria-label={t('admin.users.search')}
            onSearch={setSearch}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 260 }}
          />
        }
        columns={[
          { title: t('admin.users.username'), dataIndex: 'username' },
          { title: t('admin.users.displayName'), dataIndex: 'displayName' },
          { title: t('admin.users.unit'), dataIndex: 'unitId', render: (id: number) => unitName(id) },
          {
            title: t('admin.users.roles'),
            dataIndex: 'roles',
            render: (roles: Role[]) => (
              <Space size={4} wrap>
                {roles.map((r) => (
                  <Tag key={r} color={r === 'admin' ? 'red' : 'blue'}>
                    {t(`admin.role.${r}`)}
                  </Tag>
                ))}
              </Space>
            ),
          },
        ]}
        actions={(u) => (
          <>
            {securityButton(u)}
            {u.active ? (
              // Set apart from 编辑 and asked first: the user is signed out and can no longer sign in.
              <span style={{ marginInlineStart: 16 }}>
                <ConfirmButton
                  label={t('admin.deactivate')}
                  confirm={t('admin.users.deactivateConfirm', { name: u.displayName })}
                  run={() => change.mutateAsync({ params: { id: u.id }, body: { active: false } })}
                  done={t('admin.users.deactivated', { name: u.displayName })}
                />
              </span>
            ) : (
              <ConfirmButton
                danger={false}
                label={t('admin.activate')}
                confirm={t('admin.users.activateConfirm', { name: u.displayName })}
                run={() => change.mutateAsync({ params: { id: u.id }, body: { active: true } })}
                done={t('admin.users.activated', { name: u.displayName })}
              />
            )}
          </>
        )}
        editor={(editing) => <UserModal editing={editing} units={units} />}
      />
    </>
  );
}

function UserModal(props: { editing: Editing<AdminUser>; units: Unit[] }) {
  const { editing, units } = props;
  const { t, locale } = useI18n();
  const create = useApiMutation('POST', '/users', { invalidates });
  const change = useApiMutation('PATCH', '/users/:id', { invalidates });
  const unitData = useMemo(
    () => unitOptions(unitTree(units), (u) => (locale === 'en' && u.nameEn ? u.nameEn : u.name)),
    [units, locale],
  );
  const user = editing.mode === 'edit' ? editing.row : null;

  const submit = (v: UserValues) => {
    const common = { displayName: v.displayName, unitId: v.unitId, roles: v.roles, locale: v.locale };
    const contact = { email: orNull(v.email), phone: orNull(v.phone) };
    return user
      ? change.mutateAsync({
          params: { id: user.id },
          body: { ...common, ...contact, ...(v.password ? { password: v.password } : {}) },
        })
      : create.mutateAsync({
          body: { ...common, ...contact, username: v.username, password: v.password ?? '' },
        });
  };

  const texts = {
    create: t('admin.users.new'),
    edit: t('admin.users.edit'),
    created: (v: UserValues) => t('admin.users.created', { name: v.displayName }),
  };
  const initial = user
    ? { ...user, email: user.email ?? undefined, phone: user.phone ?? undefined }
    : { roles: [], locale: 'zh-CN' as const };
  const roles = ROLES.map((r) => ({ value: r, label: t(`admin.role.${r}`) }));
  return (
    <EditModal name="user" texts={texts} initialValues={initial} onSubmit={submit}>
      <FormFields
        fields={[
          {
            name: 'username',
            label: t('admin.users.username'),
            required: true,
            input: <Input disabled={!!user} maxLength={64} autoComplete="off" />,
          },
          {
            name: 'displayName',
            label: t('admin.users.displayName'),
            required: true,
            input: <Input maxLength={100} />,
          },
          {
            name: 'password',
            label: user ? t('admin.users.newPassword') : t('admin.users.password'),
            extra: user ? t('admin.users.newPasswordHelp') : t('admin.users.passwordRule'),
            required: !user,
            input: <Input.Password autoComplete="new-password" />,
          },
          {
            name: 'unitId',
            label: t('admin.users.unit'),
            required: true,
            input: (
              <TreeSelect treeData={unitData} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
            ),
          },
          {
            name: 'roles',
            label: t('admin.users.roles'),
            required: true,
            input: <Select mode="multiple" options={roles} />,
          },
          { name: 'email', label: t('admin.users.email'), input: <Input type="email" /> },
          { name: 'phone', label: t('admin.users.phone') },
          {
            name: 'locale',
            label: t('admin.users.locale'),
            extra: t('admin.users.localeHelp'),
            input: <Select options={LANGUAGE_OPTIONS} />,
          },
        ]}
      />
    </EditModal>
  );
}
