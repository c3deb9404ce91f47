import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { type AdminUser, errorText, showFieldErrors } from './shared';

interface ApiToken {
  id: number;
  name: string;
  userId: number;
  createdAt: string;
  revokedAt: string | null;
}

/** API 令牌: bearer tokens integrations act as a user with; shown once when created, revocable. */
export function ApiTokensTab({ users }: { users: AdminUser[] }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; userId: number }>();
  const [tokens, setTokens] = useState<ApiToken[]>([]);
  const [loading, setLoading] = useState(true);
  const [creating, setCreating] = useState(false);
  const [saving, setSaving] = useState(false);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setTokens((await api<{ items: ApiToken[] }>('/api-tokens')).items);
    } catch (e) {
      message.error(errorText(e, t('common.error')));
    } finally {
      setLoading(false);
    }
  }, [message, t]);
  useEffect(() => {
    void load();
  }, [load]);

  const create = async (v: { name: string; userId: number }) => {
    setSaving(true);
    try {
      const res = await api<ApiToken & { token: string }>('/api-tokens', {
        method: 'POST',
        body: { name: v.name.trim(), userId: v.userId },
      });
      setCreating(false);
      form.resetFields();
      setCreated({ name: res.name, token: res.token });
      await load();
    } catch (e) {
      if (!showFieldErrors(form, e, ['name', 'userId'])) message.error(errorText(e, t('common.error')));
    } finally {
      setSaving(false);
    }
  };
  const revoke = async (token: ApiToken) => {
    try {
      await api(`/api-tokens/${token.id}`, { method: 'DELETE' });
      message.success(t('admin.tokens.revoked', { name: token.name }));
      await load();
    } catch (e) {
      message.error(errorText(e, t('common.error')));
    }
  };

  const userName = new Map(users.map((u) => [u.id, `${u.displayName} (${u.username})`]));
  const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('admin.tokens.new')}
        </Button>
      </Space>
      <Table<ApiToken>
        rowKey="id"
        dataSource={tokens}
        loading={loading}
        size="middle"
        pagination={false}
        locale={{ emptyText: t('admin.tokens.empty') }}
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
          {
            title: t('admin.actions'),
            key: 'actions',
            render: (_, r) =>
              r.revokedAt ? null : (
                <Popconfirm
                  title={t('admin.tokens.revokeConfirm', { name: r.name })}
                  okText={t('admin.tokens.revoke')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => revoke(r)}
                >
                  <Button size="small" danger>
                    {t('admin.tokens.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('admin.tokens.new')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" name="api_token" onFinish={create}>
          <Form.Item
            name="name"
            label={t('admin.tokens.name')}
            extra={t('admin.tokens.nameHelp')}
            rules={[{ required: true, whitespace: true, message: t('admin.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="userId"
            label={t('admin.tokens.user')}
            extra={t('admin.tokens.userHelp')}
            rules={[{ required: true, message: t('admin.required') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={users.filter((u) => u.active).map((u) => ({ value: u.id, label: userName.get(u.id) }))}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={created !== null}
        title={t('admin.tokens.createdTitle', { name: created?.name ?? '' })}
        onCancel={() => setCreated(null)}
        footer={
          <Button type="primary" onClick={() => setCreated(null)}>
            {t('admin.tokens.done')}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={t('admin.tokens.once')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph
          code
          copyable={{
            text: created?.token ?? '',
            tooltips: [t('admin.tokens.copy'), t('admin.tokens.copied')],
          }}
          data-testid="new-api-token"
        >
          {created?.token}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
