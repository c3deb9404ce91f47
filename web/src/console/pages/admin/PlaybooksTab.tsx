import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Divider, Form, Input, Select, Space, Switch, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useApi, useApiMutation } from '../../../api/hooks';
import { MAJOR_REASONS } from '../../../api/vocabularies';
import { useI18n } from '../../../i18n';
import { CrudTable, type Editing } from './crud/CrudTable';
import { EditModal } from './crud/EditModal';
import { FormFields } from './crud/FormFields';
import { CategoryField } from './crud/fields';
import { GuidanceList } from './GuidanceList';
import { type Answer, type Category, categoryOptions, type RowOf } from './shared';

type Playbook = RowOf<'/playbooks'>;
type Step = Playbook['steps'][number];
/** A step as the dialog edits it: the documents one a line, `中文|English`. */
type StepValues = Omit<Step, 'documents'> & { documents?: string };
type PlaybookValues = Omit<Playbook, 'id' | 'updatedAt' | 'steps' | 'categoryId' | 'majorReason'> & {
  categoryId?: number | null;
  majorReason?: Playbook['majorReason'];
  steps: StepValues[];
};
const invalidates = ['/playbooks' as const];

const documentsText = (documents: Step['documents']) =>
  documents.map((d) => (d.en && d.en !== d.zh ? `${d.zh}|${d.en}` : d.zh)).join('\n');
const documentsOf = (text = ''): Step['documents'] =>
  text
    .split('\n')
    .map((line) => line.split('|').map((part) => part.trim()))
    .filter(([zh]) => zh)
    .map(([zh = '', en]) => ({ zh, en: en || zh }));

/** 处置清单 and 首问指引: the checklists attached to complaints, and what the agent is told first. */
export function PlaybooksTab() {
  const { t, locale } = useI18n();
  const playbooks = useApi('/playbooks', {});
  const categories = useApi('/categories', {});
  const categoryName = useMemo(() => {
    const names = new Map(
      (categories.data?.items ?? []).map((c) => [c.id, locale === 'en' ? c.nameEn : c.nameZh]),
    );
    return (id: number) => names.get(id) ?? String(id);
  }, [categories.data, locale]);
  const en = locale === 'en';
  return (
    <Space orientation="vertical" size={24} style={{ width: '100%' }}>
      <CrudTable<Playbook, Answer<'/playbooks'>>
        help={t('admin.playbooks.intro')}
        query={playbooks}
        activeColumn
        addLabel={t('admin.playbooks.add')}
        table={{ pagination: false }}
        columns={[
          {
            title: t('admin.playbooks.name'),
            key: 'name',
            render: (_, p) => (en ? p.nameEn : p.nameZh),
          },
          {
            title: t('admin.playbooks.trigger'),
            key: 'trigger',
            render: (_, p) => (
              <Space size={4} wrap>
                {p.categoryId !== null && <Tag color="blue">{categoryName(p.categoryId)}</Tag>}
                {p.majorReason && <Tag color="red">{t(`register.major.${p.majorReason}` as const)}</Tag>}
              </Space>
            ),
          },
          {
            title: t('admin.playbooks.steps'),
            key: 'steps',
            render: (_, p) => (
              <Typography.Text type="secondary">
                {t('admin.playbooks.stepCount', { count: p.steps.length })}
              </Typography.Text>
            ),
          },
        ]}
        editor={(editing) => <PlaybookModal editing={editing} categories={categories.data?.items ?? []} />}
      />
      <Card size="small" title={t('admin.guidance.title')}>
        <GuidanceList categories={categories.data?.items ?? []} />
      </Card>
    </Space>
  );
}

function PlaybookModal({ editing, categories }: { editing: Editing<Playbook>; categories: Category[] }) {
  const { t, locale } = useI18n();
  const playbook = editing.mode === 'edit' ? editing.row : null;
  const create = useApiMutation('POST', '/playbooks', { invalidates });
  const replace = useApiMutation('PUT', '/playbooks/:id', { invalidates });
  const categoryData = useMemo(() => categoryOptions(categories, locale), [categories, locale]);
  const initial: Partial<PlaybookValues> = playbook
    ? { ...playbook, steps: playbook.steps.map((s) => ({ ...s, documents: documentsText(s.documents) })) }
    : { active: true, steps: [{ textZh: '', textEn: '', required: true }] };
  const submit = (v: PlaybookValues) => {
    const body = {
      nameZh: v.nameZh,
      nameEn: v.nameEn,
      active: v.active,
      categoryId: v.categoryId ?? null,
      majorReason: v.majorReason ?? null,
      steps: v.steps.map((s) => ({
        ...s,
        required: Boolean(s.required),
        documents: documentsOf(s.documents),
      })),
    };
    return playbook
      ? replace.mutateAsync({ params: { id: playbook.id }, body })
      : create.mutateAsync({ body });
  };
  return (
    <EditModal<PlaybookValues>
      name="playbook"
      width={760}
      texts={{
        create: t('admin.playbooks.add'),
        edit: t('admin.playbooks.edit'),
        saved: t('admin.playbooks.saved'),
      }}
      initialValues={initial}
      onSubmit={submit}
    >
      <FormFields
        row
        fields={[
          { name: 'nameZh', label: t('admin.playbooks.nameZh'), required: 'text' },
          { name: 'nameEn', label: t('admin.playbooks.nameEn'), required: 'text' },
          { name: 'active', label: t('admin.playbooks.active'), toggle: true, input: <Switch /> },
        ]}
      />
      <Divider titlePlacement="start">{t('admin.playbooks.trigger')}</Divider>
      <CategoryField
        name="categoryId"
        label={t('admin.playbooks.category')}
        options={categoryData}
        anyText={t('admin.playbooks.anyCategory')}
      />
      <Form.Item name="majorReason" label={t('admin.playbooks.majorReason')}>
        <Select
          allowClear
          placeholder={t('admin.playbooks.anyReason')}
          options={MAJOR_REASONS.map((m) => ({ value: m, label: t(`register.major.${m}` as const) }))}
        />
      </Form.Item>
      <Divider titlePlacement="start">{t('admin.playbooks.steps')}</Divider>
      <StepsField />
    </EditModal>
  );
}

function StepsField() {
  const { t } = useI18n();
  const required = { required: true, whitespace: true, message: t('admin.required') };
  return (
    <Form.List name="steps">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              title={`${index + 1}`}
              data-testid={`playbook-step-${index}`}
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
              <Form.Item name={[field.name, 'textZh']} label={t('admin.playbooks.stepZh')} rules={[required]}>
                <Input maxLength={300} />
              </Form.Item>
              <Form.Item name={[field.name, 'textEn']} label={t('admin.playbooks.stepEn')} rules={[required]}>
                <Input maxLength={300} />
              </Form.Item>
              <Form.Item name={[field.name, 'documents']} label={t('admin.playbooks.stepDocuments')}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} />
              </Form.Item>
              <Form.Item name={[field.name, 'required']} valuePropName="checked" style={{ marginBottom: 0 }}>
                <Checkbox>{t('admin.playbooks.stepRequired')}</Checkbox>
              </Form.Item>
            </Card>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ textZh: '', textEn: '', required: true })}>
            {t('admin.playbooks.addStep')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
