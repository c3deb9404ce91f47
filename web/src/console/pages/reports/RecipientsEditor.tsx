import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Select, Space, TreeSelect, Typography } from 'antd';
import { useApi, useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { QueryState } from '../../components/QueryState';
import { errorText } from '../admin/crud/setting';
import { unitOptions, unitTree } from '../admin/shared';

interface Row {
  unitId?: number;
  userId?: number;
  email?: string;
  locale: 'zh-CN' | 'en';
}

/** 报表接收人 (admins): per unit, users (mailed at their e-mail) or extra addresses, each in a language. */
export function RecipientsEditor() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const current = useApi('/reports/recipients', {});
  const units = useApi('/units', {}, { staleTime: 5 * 60_000 });
  const users = useApi('/users', {});
  const save = useApiMutation('PUT', '/reports/recipients', { invalidates: ['/reports/recipients'] });
  const unitData = unitOptions(unitTree(units.data?.items ?? []), (u) =>
    locale === 'en' && u.nameEn ? u.nameEn : u.name,
  );
  const userData = (users.data?.items ?? [])
    .filter((u) => u.active && u.email)
    .map((u) => ({ value: u.id, label: `${u.displayName}（${u.email}）` }));

  const submit = async ({ items }: { items: Row[] }) => {
    try {
      await save.mutateAsync({
        body: {
          items: items.map((r) => ({
            unitId: r.unitId ?? 0,
            locale: r.locale,
            ...(r.userId ? { userId: r.userId } : {}),
            ...(r.email ? { email: r.email.trim() } : {}),
          })),
        },
      });
      message.success(t('rp.recipients.saved'));
    } catch (e) {
      message.error(errorText(e, t('common.error')));
    }
  };

  return (
    <Card size="small" title={t('rp.recipients')} data-testid="report-recipients">
      <Typography.Paragraph type="secondary">{t('rp.recipients.intro')}</Typography.Paragraph>
      <QueryState query={current}>
        {(data) => (
          <Form<{ items: Row[] }> initialValues={{ items: data.items }} onFinish={submit}>
            <Form.List name="items">
              {(fields, { add, remove }) => (
                <>
                  {fields.length === 0 && (
                    <Typography.Text type="secondary">{t('rp.recipients.none')}</Typography.Text>
                  )}
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" wrap>
                      <Form.Item name={[f.name, 'unitId']} rules={[{ required: true }]}>
                        <TreeSelect
                          style={{ width: 200 }}
                          treeDefaultExpandAll
                          placeholder={t('rp.recipients.unit')}
                          treeData={unitData}
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'userId']}>
                        <Select
                          allowClear
                          style={{ width: 240 }}
                          placeholder={t('rp.recipients.user')}
                          options={userData}
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'email']} rules={[{ type: 'email' }]}>
                        <Input style={{ width: 220 }} placeholder={t('rp.recipients.email')} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'locale']}>
                        <Select
                          style={{ width: 110 }}
                          options={[
                            { value: 'zh-CN', label: t('rp.locale.zh-CN') },
                            { value: 'en', label: t('rp.locale.en') },
                          ]}
                        />
                      </Form.Item>
                      <Button
                        icon={<DeleteOutlined />}
                        onClick={() => remove(f.name)}
                        aria-label={t('rp.recipients.remove')}
                      />
                    </Space>
                  ))}
                  <Space style={{ display: 'flex', marginTop: 8 }}>
                    <Button icon={<PlusOutlined />} onClick={() => add({ locale: 'zh-CN' })}>
                      {t('rp.recipients.add')}
                    </Button>
                    <Button type="primary" htmlType="submit" loading={save.isPending}>
                      {t('rp.recipients.save')}
                    </Button>
                  </Space>
                </>
              )}
            </Form.List>
          </Form>
        )}
      </QueryState>
    </Card>
  );
}
