import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Select, Space, Table, Tag, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../../api/client';
import { useI18n } from '../../../i18n';
import {
  type AdminUser,
  errorText,
  ROLES,
  type Role,
  showFieldErrors,
  type Unit,
  unitOptions,
  unitTree,
} from './shared';

/** Staff accounts: create with a password, change unit and roles, activate and deactivate. */
export function UsersTab(props: { units: Unit[]; users: AdminUser[]; onChanged: () => Promise<void> }) {
  const { units, users, onChanged } = props;
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<AdminUser | 'new' | null>(null);
  const [search, setSearch] = useState('');
  const unitName = useMemo(() => {
    const byId = new Map(units.map((u) => [u.id, locale === 'en' && u.nameEn ? u.nameEn : u.name]));
    return (id: number) => byId.get(id) ?? String(id);
  }, [units, locale]);
  const shown = users.filter(
    (u) =>
      !search ||
      u.username.toLowerCase().includes(search.toLowerCase()) ||
      u.displayName.toLowerCase().includes(search.toLowerCase()),
  );
  const roleName = (r: string) => t(`admin.role.${r}` as 'admin.role.agent');

  const toggle = async (u: AdminUser) => {
    try {
      await api(`/users/${u.id}`, { method: 'PATCH', body: { active: !u.active } });
      message.success(
        t(u.active ? 'admin.users.deactivated' : 'admin.users.activated', { name: u.displayName }),
      );
      await onChanged();
    } catch (e) {
      message.error(errorText(e, t('common.error')));
    }
  };

  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('admin.users.new')}
        </Button>
        <Input.Search
          allowClear
          placeholder={t('admin.users.search')}
          aria-label={t('admin.users.search')}
          onSearch={setSearch}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 260 }}
        />
      </Space>
      <Table<AdminUser>
        rowKey="id"
        dataSource={shown}
        size="middle"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
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
                    {roleName(r)}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('admin.status'),
            dataIndex: 'active',
            render: (a: boolean) =>
              a ? <Tag color="green">{t('admin.active')}</Tag> : <Tag>{t('admin.inactive')}</Tag>,
          },
          {
            title: t('admin.actions'),
            key: 'actions',
            render: (_, u) => (
              <Space>
                <Button size="small" onClick={() => setEditing(u)}>
                  {t('admin.edit')}
                </Button>
                <Button size="small" danger={u.active} onClick={() => void toggle(u)}>
                  {u.active ? t('admin.deactivate') : t('admin.activate')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <UserForm
          user={editing === 'new' ? null : editing}
          units={units}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            await onChanged();
          }}
        />
      )}
    </>
  );
}

interface UserValues {
  username: string;
  displayName: string;
  password?: string;
  unitId: number;
  roles: Role[];
  email?: string;
  phone?: string;
}
const USER_FIELDS = ['username', 'displayName', 'password', 'unitId', 'roles', 'email', 'phone'] as const;

function UserForm(props: {
  user: AdminUser | null;
  units: Unit[];
  onClose(): void;
  onSaved(): Promise<void>;
}) {
  const { user, units } = props;
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserValues>();
  const [saving, setSaving] = useState(false);
  const unitData = useMemo(
    () => unitOptions(unitTree(units), (u) => (locale === 'en' && u.nameEn ? u.nameEn : u.name)),
    [units, locale],
  );
  const required = { required: true, message: t('admin.required') };
  const orNull = (s?: string) => (s?.trim() ? s.trim() : null);

  const save = async (v: UserValues) => {
    setSaving(true);
    try {
      if (!user) {
        await api('/users', {
          body: {
            username: v.username,
            displayName: v.displayName,
            password: v.password,
            unitId: v.unitId,
            roles: v.roles,
            email: orNull(v.email),
            phone: orNull(v.phone),
          },
        });
        message.success(t('admin.users.created', { name: v.displayName }));
      } else {
        await api(`/users/${user.id}`, {
          method: 'PATCH',
          body: {
            displayName: v.displayName,
            unitId: v.unitId,
            roles: v.roles,
            email: orNull(v.email),
            phone: orNull(v.phone),
            ...(v.password ? { password: v.password } : {}),
          },
        });
        message.success(t('common.saved'));
      }
      await props.onSaved();
    } catch (e) {
      if (!showFieldErrors(form, e, USER_FIELDS)) message.error(errorText(e, t('common.error')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={user ? t('admin.users.edit') : t('admin.users.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form
        form={form}
        layout="vertical"
        name="user"
        onFinish={save}
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
      </Form>
    </Modal>
  );
}
