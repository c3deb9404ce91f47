import { Form, Input, Select, Switch, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { PRIORITIES } from '../../../../api/vocabularies';
import { useI18n } from '../../../../i18n';
import { LANGUAGE_OPTIONS } from '../../../../i18n/languages';
import { categoryTree, useCategories } from '../../../components/categories';
import { complaintAction } from './ActionForm';
import { CommentField, chosen, required } from './fields';

function UpdateFields() {
  const { t, locale } = useI18n();
  const all = useCategories();
  const categories = useMemo(() => categoryTree(all, locale === 'en'), [all, locale]);
  return (
    <>
      <Form.Item name="title" label={t('cp.title')} rules={required(t)}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="categoryId" label={t('cp.category')} rules={chosen(t)}>
        <TreeSelect treeData={categories} showSearch={{ treeNodeFilterProp: 'title' }} treeDefaultExpandAll />
      </Form.Item>
      <Form.Item name="categoryConfirmed" label={t('cp.field.categoryConfirmed')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="priority" label={t('cp.priority')} rules={chosen(t)}>
        <Select options={PRIORITIES.map((p) => ({ value: p, label: p }))} />
      </Form.Item>
      <Form.Item name="tags" label={t('cp.tags')}>
        <Select mode="tags" maxCount={20} />
      </Form.Item>
      <Form.Item name="waybillNo" label={t('cp.ref.waybillNo')}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="orderNo" label={t('cp.ref.orderNo')}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="customerLocale" label={t('cp.customerLocale')}>
        <Select options={LANGUAGE_OPTIONS} />
      </Form.Item>
      <CommentField />
    </>
  );
}

/** 修改: the record's title, category, priority, tags, references and the customer's language. */
export const UpdateAction = complaintAction('update', 'PATCH', '/complaints/:number', UpdateFields, {
  initialValues: (c) => ({
    title: c.title,
    categoryId: c.category.id,
    categoryConfirmed: c.category.confirmed,
    priority: c.priority,
    tags: c.tags,
    waybillNo: c.references.waybillNo ?? undefined,
    orderNo: c.references.orderNo ?? undefined,
    customerLocale: c.complainant.locale,
  }),
});
