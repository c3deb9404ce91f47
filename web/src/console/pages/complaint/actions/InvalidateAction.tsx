import { Form, Input, Select } from 'antd';
import { INVALID_REASONS } from '../../../../api/vocabularies';
import { useI18n } from '../../../../i18n';
import { ActionForm, type ActionProps } from './ActionForm';
import { options, required } from './fields';
import { ReplyFields } from './ReplyFields';

/** 无效/不予受理: not accepted, with the reason and the reply that tells the customer (a risky action). */
export function InvalidateAction(props: ActionProps) {
  const { t } = useI18n();
  return (
    <ActionForm
      action="invalidate"
      props={props}
      method="POST"
      url="/complaints/:number/invalidate"
      width={720}
      danger
      initialValues={{ reply: { method: 'phone' } }}
    >
      {(form) => (
        <>
          <Form.Item name="reason" label={t('cp.invalidReason')} rules={required(t)}>
            <Select options={options(t, 'invalidReason', INVALID_REASONS)} />
          </Form.Item>
          <Form.Item name="explanation" label={t('cp.field.explanation')} rules={required(t)}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <ReplyFields complaint={props.complaint} form={form} prefix={['reply']} />
        </>
      )}
    </ActionForm>
  );
}
