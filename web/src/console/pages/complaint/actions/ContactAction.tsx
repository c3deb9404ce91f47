import { Form, Input } from 'antd';
import { useI18n } from '../../../../i18n';
import { complaintAction } from './ActionForm';
import { OutcomeField } from './fields';

function ContactFields() {
  const { t } = useI18n();
  return (
    <>
      <OutcomeField group="contact" codes={['reached', 'unreachable']} />
      <Form.Item name="note" label={t('cp.field.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </>
  );
}

/** 回电: a call-back to the customer, reached or not. */
export const ContactAction = complaintAction(
  'contact',
  'POST',
  '/complaints/:number/contact-attempts',
  ContactFields,
);
