import { Form, Input, Select, Space, Tag, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useApi, useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { ConfirmButton } from './crud/ConfirmButton';
import { ActiveTag, CrudTable, type Editing } from './crud/CrudTable';
import { EditModal } from './crud/EditModal';
import { type AdminUser, type Answer, ROLES, type Role, type Unit, unitOptions, unitTree } from './shared';

interface UserValues {
  username: string;
  displayName: string;
  password?: string;
  unitId: number;
  roles: Role[];
  email?: string;
  phone?: string;
}
const orNull = (s?: string) => (s?.trim() ? s.trim() : null);
const invalidates = ['/users' as const, '/staff' as const];

/** Staff accounts: create with a password, change unit and roles; deactivating one is asked first. */
export function UsersTab({ units }: { units: Unit[] }) {
  const { t, locale } = useI18n();
  const users = useApi('/users', {});
  const change = useApiMutation('PATCH', '/users/:id', { invalidates });
  const [search, setSearch] = useState('');
  const unitName = useMemo(() => {
    const byId = new Map(units.map((u) => [u.id, locale === 'en' && u.nameEn ? u.nameEn : u.name]));
    return (id: number) => byId.get(id) ?? String(id);
  }, [units, locale]);
  const matches = (u: AdminUser) =>
    !search || [u.username, u.displayName].some((s) => s.toLowerCase().includes(search.toLowerCase()));

  return (
    <CrudTable<AdminUser, Answer<'/users'>>
      query={users}
      rows={(d) => d.items.filter(matches)}
      rowKey="id"
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
        { title: t('admin.status'), dataIndex: 'active', render: (a: boolean) => <ActiveTag active={a} /> },
      ]}
      actions={(u) =>
        u.active ? (
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
        )
      }
      editor={(editing, close) => <UserModal editing={editing} units={units} onClose={close} />}
    />
  );
}

function UserModal(props: { editing: Editing<AdminUser>; units: Unit[]; onClose(): void }) {
  const { editing, units } = props;
  const { t, locale } = useI18n();
  const create = useApiMutation('POST', '/users', { invalidates });
  const change = useApiMutation('PATCH', '/users/:id', { invalidates });
  const unitData = useMemo(
    () => unitOptions(unitTree(units), (u) => (locale === 'en' && u.nameEn ? u.nameEn : u.name)),
    [units, locale],
  );
  const user = editing.mode === 'edit' ? editing.row : null;
  const required = { required: true, message: t('admin.required') };

  const submit = (v: UserValues) => {
    const common = { displayName: v.displayName, unitId: v.unitId, roles: v.roles };
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

  return (
    <EditModal<UserValues>
      name="user"
      title={user ? t('admin.users.edit') : t('admin.users.new')}
      initialValues={
        user
          ? {
              username: user.username,
              displayName: user.displayName,
              unitId: user.unitId,
              roles: user.roles,
              email: user.email ?? undefined,
              phone: user.phone ?? undefined,
            }
          : { roles: [] }
      }
      onSubmit={submit}
      savedText={(v) => (user ? t('common.saved') : t('admin.users.created', { name: v.displayName }))}
      onClose={props.onClose}
    >
      <Form.Item name="username" label={t('admin.users.username')} rules={[required]}>
        <Input disabled={!!user} maxLength={64} autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label={t('admin.users.displayName')} rules={[required]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="password"
        label={user ? t('admin.users.newPassword') : t('admin.users.password')}
        extra={user ? t('admin.users.newPasswordHelp') : t('admin.users.passwordRule')}
        rules={user ? [] : [required]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="unitId" label={t('admin.users.unit')} rules={[required]}>
        <TreeSelect treeData={unitData} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
      </Form.Item>
      <Form.Item name="roles" label={t('admin.users.roles')} rules={[required]}>
        <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: t(`admin.role.${r}`) }))} />
      </Form.Item>
      <Form.Item name="email" label={t('admin.users.email')}>
        <Input type="email" />
      </Form.Item>
      <Form.Item name="phone" label={t('admin.users.phone')}>
        <Input />
      </Form.Item>
    </EditModal>
  );
}
