import { Form, Input, Radio } from 'antd';
import { useI18n } from '../../../../i18n';
import { ActionForm, type ActionProps, useComplaintAction } from './ActionForm';
import { required } from './fields';

/** 回电: a call-back to the customer, reached or not. */
export function ContactAction(props: ActionProps) {
  const { t } = useI18n();
  const run = useComplaintAction('POST', '/complaints/:number/contact-attempts', props.complaint.number);
  return (
    <ActionForm action="contact" props={props} run={run}>
      <Form.Item name="outcome" label={t('cp.field.outcome')} rules={required(t)}>
        <Radio.Group
          options={[
            { value: 'reached', label: t('cp.contact.reached') },
            { value: 'unreachable', label: t('cp.contact.unreachable') },
          ]}
        />
      </Form.Item>
      <Form.Item name="note" label={t('cp.field.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </ActionForm>
  );
}
