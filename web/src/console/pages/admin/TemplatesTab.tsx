import { Form, Input, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { LOCALES } from '../../../../../src/modules/notify/schemas';
import { NOTICE_CHANNELS } from '../../../../../src/modules/notify/templates';
import { useApi, useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { CrudTable } from './crud/CrudTable';
import { EditModal } from './crud/EditModal';
import type { Answer, RowOf } from './shared';

type Template = RowOf<'/notification-templates'>;
type Channel = Template['channel'];
type TemplateLocale = Template['locale'];
const keyOf = (x: Template) => `${x.event}/${x.channel}/${x.locale}`;

/** 通知模板: the words of every notice, per channel and language; the admin's text replaces the default. */
export function TemplatesTab() {
  const { t, locale } = useI18n();
  const templates = useApi('/notification-templates', {});
  const [channel, setChannel] = useState<Channel>('sms');
  const [language, setLanguage] = useState<TemplateLocale>(locale === 'en' ? 'en' : 'zh-CN');
  const eventName = (e: Template['event']) => t(`admin.event.${e}`);

  return (
    <>
      <Typography.Paragraph type="secondary">{t('admin.templates.help')}</Typography.Paragraph>
      <CrudTable<Template, Answer<'/notification-templates'>>
        query={templates}
        rows={(d) => d.items.filter((x) => x.channel === channel && x.locale === language)}
        rowKey={keyOf}
        table={{ pagination: false }}
        toolbar={
          <>
            <Segmented<Channel>
              value={channel}
              onChange={setChannel}
              options={NOTICE_CHANNELS.map((c) => ({ value: c, label: t(`admin.templates.channel.${c}`) }))}
            />
            <Segmented<TemplateLocale>
              value={language}
              onChange={setLanguage}
              options={LOCALES.map((l) => ({ value: l, label: t(`admin.templates.locale.${l}`) }))}
            />
          </>
        }
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
        ]}
        editor={(editing, close) =>
          editing.mode === 'edit' && (
            <TemplateModal
              template={editing.row}
              title={`${t('admin.templates.edit')} · ${eventName(editing.row.event)} · ${t(`admin.templates.channel.${editing.row.channel}`)} · ${t(`admin.templates.locale.${editing.row.locale}`)}`}
              onClose={close}
            />
          )
        }
      />
    </>
  );
}

function TemplateModal(props: { template: Template; title: string; onClose(): void }) {
  const { template } = props;
  const { t } = useI18n();
  const save = useApiMutation('PUT', '/notification-templates/:event/:channel/:locale', {
    invalidates: ['/notification-templates'],
  });
  const required = { required: true, message: t('admin.required') };
  const { event, channel, locale } = template;

  return (
    <EditModal<{ subject: string; body: string }>
      name="template"
      width={680}
      title={props.title}
      initialValues={{ subject: template.subject, body: template.body }}
      onSubmit={(body) => save.mutateAsync({ params: { event, channel, locale }, body })}
      savedText={() => t('admin.templates.saved')}
      onClose={props.onClose}
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
    </EditModal>
  );
}
