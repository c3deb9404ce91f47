import { Input } from 'antd';
import { useMemo } from 'react';
import { useApi, useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { ConfirmButton } from './crud/ConfirmButton';
import { CrudTable, type Editing } from './crud/CrudTable';
import { EditModal } from './crud/EditModal';
import { FormFields } from './crud/FormFields';
import { CategoryField } from './crud/fields';
import { type Answer, type Category, categoryOptions, type RowOf } from './shared';

type Guidance = RowOf<'/category-guidance'>;
const invalidates = ['/category-guidance' as const, '/first-response' as const];

/** 首问指引 per category: set, edit, remove (a subcategory without its own uses its parent's). */
export function GuidanceList({ categories }: { categories: Category[] }) {
  const { t, locale } = useI18n();
  const guidance = useApi('/category-guidance', {});
  const remove = useApiMutation('DELETE', '/category-guidance/:categoryId', { invalidates });
  const categoryName = useMemo(() => {
    const names = new Map(categories.map((c) => [c.id, locale === 'en' ? c.nameEn : c.nameZh]));
    return (id: number) => names.get(id) ?? String(id);
  }, [categories, locale]);
  return (
    <CrudTable<Guidance, Answer<'/category-guidance'>>
      help={t('admin.guidance.intro')}
      query={guidance}
      rowKey={(g) => String(g.categoryId)}
      addLabel={t('admin.guidance.set')}
      table={{ pagination: false }}
      columns={[
        {
          title: t('admin.guidance.category'),
          key: 'category',
          width: 160,
          render: (_, g) => categoryName(g.categoryId),
        },
        {
          title: t('admin.guidance.textZh'),
          key: 'text',
          render: (_, g) => (locale === 'en' ? g.textEn : g.textZh),
        },
      ]}
      actions={(g) => (
        <ConfirmButton
          label={t('admin.guidance.remove')}
          confirm={`${t('admin.guidance.remove')} ${categoryName(g.categoryId)}?`}
          run={() => remove.mutateAsync({ params: { categoryId: g.categoryId } })}
          done={t('admin.guidance.removed')}
        />
      )}
      editor={(editing) => <GuidanceModal editing={editing} categories={categories} />}
    />
  );
}

function GuidanceModal({ editing, categories }: { editing: Editing<Guidance>; categories: Category[] }) {
  const { t, locale } = useI18n();
  const set = useApiMutation('PUT', '/category-guidance/:categoryId', { invalidates });
  const options = useMemo(() => categoryOptions(categories, locale), [categories, locale]);
  const initial = editing.mode === 'edit' ? editing.row : {};
  return (
    <EditModal<Guidance>
      name="guidance"
      width={600}
      texts={{
        create: t('admin.guidance.set'),
        edit: t('admin.guidance.set'),
        saved: t('admin.guidance.saved'),
      }}
      initialValues={initial}
      onSubmit={(v) =>
        set.mutateAsync({
          params: { categoryId: v.categoryId },
          body: { textZh: v.textZh, textEn: v.textEn },
        })
      }
    >
      <CategoryField name="categoryId" label={t('admin.guidance.category')} options={options} anyText="" />
      <FormFields
        fields={[
          {
            name: 'textZh',
            label: t('admin.guidance.textZh'),
            required: 'text',
            input: <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />,
          },
          {
            name: 'textEn',
            label: t('admin.guidance.textEn'),
            required: 'text',
            input: <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />,
          },
        ]}
      />
    </EditModal>
  );
}
