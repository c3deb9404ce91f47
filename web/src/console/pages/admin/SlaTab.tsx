import { Form, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { MODES } from '../../../../../src/modules/sla/schemas';
import { LIMIT_STAGES } from '../../../../../src/modules/sla/stages';
import { useApi, useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { ConfirmButton } from './crud/ConfirmButton';
import { CrudTable } from './crud/CrudTable';
import { EditModal } from './crud/EditModal';
import { CategoryField, PriorityField } from './crud/fields';
import { SlaRulesSettings } from './SlaRulesSettings';
import { type Answer, type Category, categoryOptions } from './shared';

type Policies = Answer<'/sla-policies'>;
type Policy = Policies['items'][number];
type Limit = Pick<Policy, 'mode' | 'minutes'>;
type DefaultRow = Limit & { stage: string; urgent?: Limit };
interface PolicyValues {
  stage: Policy['stage'];
  categoryId?: number;
  priority?: NonNullable<Policy['priority']>;
  mode: Policy['mode'];
  minutes: number;
}
const invalidates = ['/sla-policies' as const];

/** 时限策略: the default limit of each stage, and the admin's limits per stage × category × priority. */
export function SlaTab() {
  const { t, term, locale } = useI18n();
  const policies = useApi('/sla-policies', {});
  const categories = useApi('/categories', {});
  const remove = useApiMutation('DELETE', '/sla-policies/:id', { invalidates });

  const categoryName = useMemo(() => {
    const byId = new Map(
      (categories.data?.items ?? []).map((c) => [c.id, locale === 'en' ? c.nameEn : c.nameZh]),
    );
    return (id: number | null) => (id === null ? t('admin.sla.any') : (byId.get(id) ?? String(id)));
  }, [categories.data, locale, t]);

  const duration = (minutes: number) => {
    if (minutes % 1440 === 0) return t('admin.duration.days', { n: minutes / 1440 });
    if (minutes % 60 === 0) return t('admin.duration.hours', { n: minutes / 60 });
    return t('admin.duration.minutes', { n: minutes });
  };
  const limitText = (l: Limit) => `${duration(l.minutes)} · ${t(`admin.sla.mode.${l.mode}`)}`;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={5}>{t('admin.sla.policies')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('admin.sla.policiesHelp')}</Typography.Paragraph>
        <CrudTable<Policy, Policies>
          query={policies}
          addLabel={t('admin.sla.new')}
          editable={false}
          empty={t('admin.sla.empty')}
          table={{ pagination: false }}
          columns={[
            { title: t('admin.sla.stage'), dataIndex: 'stage', render: (s: string) => term('stage', s) },
            { title: t('admin.sla.category'), dataIndex: 'categoryId', render: categoryName },
            {
              title: t('admin.sla.priority'),
              dataIndex: 'priority',
              render: (p: string | null) => (p ? term('priority', p) : t('admin.sla.any')),
            },
            { title: t('admin.sla.limit'), key: 'limit', render: (_, p) => limitText(p) },
          ]}
          actions={(p) => (
            <ConfirmButton
              label={t('admin.sla.delete')}
              confirm={t('admin.sla.deleteConfirm')}
              run={() => remove.mutateAsync({ params: { id: p.id } })}
              done={t('admin.sla.deleted')}
            />
          )}
          editor={(_, close) => <PolicyModal categories={categories.data?.items ?? []} onClose={close} />}
        />
      </div>
      <div>
        <Typography.Title level={5}>{t('admin.sla.defaults')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('admin.sla.defaultsHelp')}</Typography.Paragraph>
        <Table<DefaultRow>
          rowKey="stage"
          dataSource={LIMIT_STAGES.flatMap((s) => {
            const d = policies.data?.defaults[s];
            return d ? [{ stage: s, ...d }] : [];
          })}
          pagination={false}
          size="small"
          columns={[
            { title: t('admin.sla.stage'), dataIndex: 'stage', render: (s: string) => term('stage', s) },
            { title: t('admin.sla.limit'), key: 'limit', render: (_, d) => limitText(d) },
            {
              title: t('admin.sla.urgent'),
              dataIndex: 'urgent',
              render: (u?: Limit) => (u ? <Tag color="red">{limitText(u)}</Tag> : '—'),
            },
          ]}
        />
      </div>
      <SlaRulesSettings />
    </Space>
  );
}

/** A policy is set (added or replaced) for its stage × category × priority; changing one is setting it again. */
function PolicyModal(props: { categories: Category[]; onClose(): void }) {
  const { t, term, locale } = useI18n();
  const save = useApiMutation('PUT', '/sla-policies', { invalidates });
  const tree = useMemo(() => categoryOptions(props.categories, locale), [props.categories, locale]);
  const required = { required: true, message: t('admin.required') };

  const submit = (v: PolicyValues) =>
    save.mutateAsync({
      body: {
        stage: v.stage,
        categoryId: v.categoryId ?? null,
        priority: v.priority ?? null,
        mode: v.mode,
        minutes: v.minutes,
      },
    });

  return (
    <EditModal<PolicyValues>
      name="policy"
      title={t('admin.sla.new')}
      initialValues={{ mode: 'working', minutes: 60 }}
      onSubmit={submit}
      savedText={() => t('admin.sla.saved')}
      onClose={props.onClose}
    >
      <Form.Item name="stage" label={t('admin.sla.stage')} rules={[required]}>
        <Select options={LIMIT_STAGES.map((s) => ({ value: s, label: term('stage', s) }))} />
      </Form.Item>
      <CategoryField
        name="categoryId"
        label={t('admin.sla.category')}
        options={tree}
        anyText={t('admin.sla.any')}
      />
      <PriorityField name="priority" label={t('admin.sla.priority')} anyText={t('admin.sla.any')} />
      <Form.Item name="mode" label={t('admin.sla.mode')} rules={[required]}>
        <Select options={MODES.map((m) => ({ value: m, label: t(`admin.sla.mode.${m}`) }))} />
      </Form.Item>
      <Form.Item name="minutes" label={t('admin.sla.minutes')} rules={[required]}>
        <InputNumber min={1} max={525600} precision={0} style={{ width: 200 }} />
      </Form.Item>
    </EditModal>
  );
}
