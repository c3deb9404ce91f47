import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, InputNumber, Select, Space, TreeSelect, Typography } from 'antd';
import { useApi } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import type { FieldSpec } from '../admin/crud/FormFields';
import { SettingsForm } from '../admin/crud/SettingsForm';
import { useSetting } from '../admin/crud/setting';
import { categoryOptions } from '../admin/shared';

/** 回访设置 (admin): days after closing per grade, per category subtree and grade (or never), share, attempts. */
export function ReturnVisitSettings() {
  const { t, term, locale } = useI18n();
  const setting = useSetting('/settings/return-visits');
  const categories = useApi('/categories', {});
  const options = categoryOptions(categories.data?.items ?? [], locale);
  const number = (min: number, max: number) => (
    <InputNumber min={min} max={max} precision={0} style={{ width: 160 }} />
  );
  const fields: FieldSpec[] = [
    { name: 'majorDays', label: t('admin.rv.majorDays'), required: true, input: number(1, 365) },
    { name: 'generalDays', label: t('admin.rv.generalDays'), required: true, input: number(1, 365) },
    { name: 'sharePercent', label: t('admin.rv.sharePercent'), required: true, input: number(0, 100) },
    { name: 'maxAttempts', label: t('admin.rv.maxAttempts'), required: true, input: number(1, 10) },
    { name: 'retryAfterDays', label: t('admin.rv.retryAfterDays'), required: true, input: number(1, 30) },
  ];
  return (
    <SettingsForm
      title={t('admin.tab.returnVisits')}
      setting={setting}
      fields={fields}
      savedText={t('admin.rv.saved')}
    >
      <Typography.Paragraph type="secondary">{t('admin.rv.intro')}</Typography.Paragraph>
      <Typography.Title level={5}>{t('admin.rv.rules')}</Typography.Title>
      <Form.List name="rules">
        {(rows, { add, remove }) => (
          <>
            {rows.map(({ key, name }) => (
              <Space key={key} align="baseline" wrap>
                <Form.Item name={[name, 'categoryId']} normalize={(v) => v ?? null}>
                  <TreeSelect
                    treeData={options}
                    allowClear
                    showSearch
                    treeNodeFilterProp="title"
                    placeholder={t('admin.rv.anyCategory')}
                    style={{ width: 220 }}
                    aria-label={t('admin.rv.category')}
                  />
                </Form.Item>
                <Form.Item name={[name, 'grade']} normalize={(v) => v ?? null}>
                  <Select
                    allowClear
                    placeholder={t('admin.rv.anyGrade')}
                    style={{ width: 120 }}
                    aria-label={t('admin.rv.grade')}
                    options={['general', 'major'].map((g) => ({ value: g, label: term('grade', g) }))}
                  />
                </Form.Item>
                <Form.Item name={[name, 'days']} rules={[{ required: true, message: t('rv.required') }]}>
                  <InputNumber
                    min={1}
                    max={365}
                    precision={0}
                    addonAfter={t('admin.rv.days')}
                    style={{ width: 140 }}
                  />
                </Form.Item>
                <Form.Item name={[name, 'never']} valuePropName="checked">
                  <Checkbox>{t('admin.rv.never')}</Checkbox>
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  onClick={() => remove(name)}
                  aria-label={t('admin.rv.removeRule')}
                />
              </Space>
            ))}
            <Form.Item>
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ categoryId: null, grade: null, days: 30, never: false })}
              >
                {t('admin.rv.addRule')}
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
    </SettingsForm>
  );
}
