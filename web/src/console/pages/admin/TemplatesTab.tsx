import { Alert, App, Button, Form, Input, Modal, Segmented, Space, Spin, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { errorText, showFieldErrors } from './shared';

const CHANNELS = ['sms', 'email', 'inbox', 'robot'] as const;
const LOCALES = ['zh-CN', 'en'] as const;
type Channel = (typeof CHANNELS)[number];
type TemplateLocale = (typeof LOCALES)[number];

interface Template {
  event: string;
  channel: Channel;
  locale: TemplateLocale;
  subject: string;
  body: string;
  customised: boolean;
  variables: string[];
}
const keyOf = (x: Template) => `${x.event}/${x.channel}/${x.locale}`;

/** 通知模板: the words of every notice, per channel and language; the admin's text replaces the default. */
export function TemplatesTab() {
  const { t, locale } = useI18n();
  const [items, setItems] = useState<Template[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [channel, setChannel] = useState<Channel>('sms');
  const [language, setLanguage] = useState<TemplateLocale>(locale === 'en' ? 'en' : 'zh-CN');
  const [editing, setEditing] = useState<Template | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await api<{ items: Template[] }>('/notification-templates')).items);
    } catch (e) {
      setError(errorText(e, t('common.error')));
    }
  }, [t]);
  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <Alert type="error" title={error} showIcon />;
  if (!items) return <Spin />;
  const eventName = (e: string) => t(`admin.event.${e}` as 'admin.event.progress');

  return (
    <>
      <Typography.Paragraph type="secondary">{t('admin.templates.help')}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }} wrap>
        <Segmented<Channel>
          value={channel}
          onChange={setChannel}
          options={CHANNELS.map((c) => ({ value: c, label: t(`admin.templates.channel.${c}`) }))}
        />
        <Segmented<TemplateLocale>
          value={language}
          onChange={setLanguage}
          options={LOCALES.map((l) => ({ value: l, label: t(`admin.templates.locale.${l}`) }))}
        />
      </Space>
      <Table<Template>
        rowKey={keyOf}
        dataSource={items.filter((x) => x.channel === channel && x.locale === language)}
        pagination={false}
        size="middle"
        columns={[
          { title: t('admin.templates.event'), dataIndex: 'event', width: 180, render: eventName },
          {
            title: t('admin.templates.subject'),
            dataIndex: 'subject',
            render: (subject: string, x) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text>{subject}</Typography.Text>
                <Typography.Text type="secondary" ellipsis style={{ maxWidth: 560 }}>
                  {x.body}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('admin.status'),
            dataIndex: 'customised',
            width: 110,
            render: (c: boolean) =>
              c ? (
                <Tag color="blue">{t('admin.templates.customised')}</Tag>
              ) : (
                <Tag>{t('admin.templates.default')}</Tag>
              ),
          },
          {
            title: t('admin.actions'),
            key: 'actions',
            width: 100,
            render: (_, x) => (
              <Button size="small" onClick={() => setEditing(x)}>
                {t('admin.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <TemplateForm
          template={editing}
          title={`${t('admin.templates.edit')} · ${eventName(editing.event)} · ${t(`admin.templates.channel.${editing.channel}`)} · ${t(`admin.templates.locale.${editing.locale}`)}`}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            await load();
          }}
        />
      )}
    </>
  );
}

const TEMPLATE_FIELDS = ['subject', 'body'] as const;

function TemplateForm(props: {
  template: Template;
  title: string;
  onClose(): void;
  onSaved(): Promise<void>;
}) {
  const { template } = props;
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ subject: string; body: string }>();
  const [saving, setSaving] = useState(false);
  const required = { required: true, message: t('admin.required') };

  const save = async (v: { subject: string; body: string }) => {
    setSaving(true);
    try {
      await api(`/notification-templates/${template.event}/${template.channel}/${template.locale}`, {
        method: 'PUT',
        body: v,
      });
      message.success(t('admin.templates.saved'));
      await props.onSaved();
    } catch (e) {
      if (!showFieldErrors(form, e, TEMPLATE_FIELDS)) message.error(errorText(e, t('common.error')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={680}
      title={props.title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form
        form={form}
        layout="vertical"
        name="template"
        onFinish={save}
        initialValues={{ subject: template.subject, body: template.body }}
      >
        <Form.Item name="subject" label={t('admin.templates.subject')} rules={[required]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="body" label={t('admin.templates.body')} rules={[required]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} maxLength={5000} />
        </Form.Item>
        {template.variables.length > 0 && (
          <Form.Item label={t('admin.templates.variables')}>
            <Space size={4} wrap>
              {template.variables.map((v) => (
                <Tag key={v}>{`{${v}}`}</Tag>
              ))}
            </Space>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
