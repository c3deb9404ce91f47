import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Divider, Form, Input, InputNumber, Space, Switch, Typography } from 'antd';
import { useApi, useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { CrudTable, type Editing } from './crud/CrudTable';
import { EditModal } from './crud/EditModal';
import { FormFields } from './crud/FormFields';
import type { Answer, RowOf } from './shared';

type Checklist = RowOf<'/quality-checklists'>;
type ChecklistValues = Omit<Checklist, 'id' | 'updatedAt'>;
const invalidates = ['/quality-checklists' as const];
const NEW_ITEM = { key: '', labelZh: '', labelEn: '', weight: 10, guidance: '' };

/** 质检清单: the items a quality check scores, with weights and guidance. */
export function QualityChecklistsTab() {
  const { t, locale } = useI18n();
  const checklists = useApi('/quality-checklists', {});
  return (
    <CrudTable<Checklist, Answer<'/quality-checklists'>>
      help={t('admin.quality.intro')}
      query={checklists}
      activeColumn
      addLabel={t('admin.quality.add')}
      table={{ pagination: false }}
      columns={[
        {
          title: t('admin.quality.name'),
          key: 'name',
          render: (_, c) => (locale === 'en' ? c.nameEn : c.nameZh),
        },
        {
          title: t('admin.quality.items'),
          key: 'items',
          render: (_, c) => (
            <Typography.Text type="secondary">
              {c.items.map((i) => `${locale === 'en' ? i.labelEn : i.labelZh} ${i.weight}`).join(' · ')}
            </Typography.Text>
          ),
        },
      ]}
      editor={(editing) => <ChecklistModal editing={editing} />}
    />
  );
}

function ChecklistModal({ editing }: { editing: Editing<Checklist> }) {
  const { t } = useI18n();
  const checklist = editing.mode === 'edit' ? editing.row : null;
  const create = useApiMutation('POST', '/quality-checklists', { invalidates });
  const replace = useApiMutation('PUT', '/quality-checklists/:id', { invalidates });
  const submit = (body: ChecklistValues) =>
    checklist ? replace.mutateAsync({ params: { id: checklist.id }, body }) : create.mutateAsync({ body });
  return (
    <EditModal<ChecklistValues>
      name="quality-checklist"
      width={760}
      texts={{
        create: t('admin.quality.add'),
        edit: t('admin.quality.edit'),
        saved: t('admin.quality.saved'),
      }}
      initialValues={checklist ?? { active: true, items: [NEW_ITEM] }}
      onSubmit={submit}
    >
      <FormFields
        row
        fields={[
          { name: 'nameZh', label: t('admin.quality.nameZh'), required: 'text' },
          { name: 'nameEn', label: t('admin.quality.nameEn'), required: 'text' },
          { name: 'active', label: t('admin.quality.active'), toggle: true, input: <Switch /> },
        ]}
      />
      <Divider titlePlacement="start">{t('admin.quality.items')}</Divider>
      <ItemsField />
    </EditModal>
  );
}

function ItemsField() {
  const { t } = useI18n();
  const required = { required: true, whitespace: true, message: t('admin.required') };
  return (
    <Form.List name="items">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              title={`${index + 1}`}
              extra={
                fields.length > 1 && (
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                  />
                )
              }
            >
              <Space wrap align="start">
                <Form.Item
                  name={[field.name, 'key']}
                  label={t('admin.quality.key')}
                  tooltip={t('admin.quality.keyHelp')}
                  rules={[
                    required,
                    { pattern: /^[a-z][a-z0-9_]{0,39}$/, message: t('admin.quality.keyHelp') },
                  ]}
                >
                  <Input style={{ width: 160 }} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'labelZh']}
                  label={t('admin.quality.labelZh')}
                  rules={[required]}
                >
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'labelEn']}
                  label={t('admin.quality.labelEn')}
                  rules={[required]}
                >
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'weight']}
                  label={t('admin.quality.weight')}
                  rules={[{ required: true }]}
                >
                  <InputNumber min={1} max={100} precision={0} />
                </Form.Item>
              </Space>
              <Form.Item
                name={[field.name, 'guidance']}
                label={t('admin.quality.guidance')}
                style={{ marginBottom: 0 }}
              >
                <Input maxLength={300} />
              </Form.Item>
            </Card>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add(NEW_ITEM)}>
            {t('admin.quality.addItem')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
