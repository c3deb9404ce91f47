import { Form, Select } from 'antd';
import { LINK_KINDS } from '../../../../api/vocabularies';
import { useI18n } from '../../../../i18n';
import { complaintAction, type FieldsProps } from './ActionForm';
import { CommentField, options, required } from './fields';
import { TargetField } from './TargetField';

function LinkFields({ complaint }: FieldsProps) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="kind" label={t('cp.field.linkKind')} rules={required(t)}>
        <Select options={options(t, 'linkKind', LINK_KINDS)} />
      </Form.Item>
      <TargetField name="number" complaint={complaint} />
      <CommentField />
    </>
  );
}

/** 关联: link to another complaint (duplicate, repeat, referral or related). */
export const LinkAction = complaintAction('link', 'POST', '/complaints/:number/links', LinkFields, {
  initialValues: () => ({ kind: 'related' }),
});
