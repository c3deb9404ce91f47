import { Form, Select } from 'antd';
import { LINK_KINDS } from '../../../../api/vocabularies';
import { useI18n } from '../../../../i18n';
import { complaintAction } from './ActionForm';
import { CommentField, options, required, TargetField } from './fields';

function LinkFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="kind" label={t('cp.field.linkKind')} rules={required(t)}>
        <Select options={options(t, 'linkKind', LINK_KINDS)} />
      </Form.Item>
      <TargetField name="number" />
      <CommentField />
    </>
  );
}

/** 关联: link to another complaint (duplicate, repeat, referral or related). */
export const LinkAction = complaintAction('link', 'POST', '/complaints/:number/links', LinkFields, {
  initialValues: () => ({ kind: 'related' }),
});
