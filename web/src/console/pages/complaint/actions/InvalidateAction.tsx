import { Form, Input, Select } from 'antd';
import { INVALID_REASONS } from '../../../../api/vocabularies';
import { useI18n } from '../../../../i18n';
import { complaintAction, type FieldsProps } from './ActionForm';
import { options, required } from './fields';
import { ReplyFields } from './ReplyFields';

function InvalidateFields({ form, complaint }: FieldsProps) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="reason" label={t('cp.invalidReason')} rules={required(t)}>
        <Select options={options(t, 'invalidReason', INVALID_REASONS)} />
      </Form.Item>
      <Form.Item name="explanation" label={t('cp.field.explanation')} rules={required(t)}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <ReplyFields complaint={complaint} form={form} prefix={['reply']} />
    </>
  );
}

/** 无效/不予受理: not accepted, with the reason and the reply that tells the customer (a risky action). */
export const InvalidateAction = complaintAction(
  'invalidate',
  'POST',
  '/complaints/:number/invalidate',
  InvalidateFields,
  { width: 720, danger: true, initialValues: () => ({ reply: { method: 'phone' } }) },
);
