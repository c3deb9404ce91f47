import { Form, Select } from 'antd';
import { LINK_KINDS } from '../../../../api/vocabularies';
import { useI18n } from '../../../../i18n';
import { ActionForm, type ActionProps } from './ActionForm';
import { CommentField, options, required, TargetField } from './fields';

/** 关联: link to another complaint (duplicate, repeat, referral or related). */
export function LinkAction(props: ActionProps) {
  const { t } = useI18n();
  return (
    <ActionForm
      action="link"
      props={props}
      method="POST"
      url="/complaints/:number/links"
      initialValues={{ kind: 'related' }}
    >
      <Form.Item name="kind" label={t('cp.field.linkKind')} rules={required(t)}>
        <Select options={options(t, 'linkKind', LINK_KINDS)} />
      </Form.Item>
      <TargetField name="number" />
      <CommentField />
    </ActionForm>
  );
}
