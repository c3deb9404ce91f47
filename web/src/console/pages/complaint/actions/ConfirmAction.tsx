import { Form, Radio } from 'antd';
import { useI18n } from '../../../../i18n';
import { ActionForm, type ActionProps, useComplaintAction } from './ActionForm';
import { CommentField, options, required } from './fields';

/** 客户确认: whether the customer is satisfied with the reply. */
export function ConfirmAction(props: ActionProps) {
  const { t } = useI18n();
  const run = useComplaintAction('POST', '/complaints/:number/confirmation', props.complaint.number);
  return (
    <ActionForm action="confirm" props={props} run={run}>
      <Form.Item name="outcome" label={t('cp.field.outcome')} rules={required(t)}>
        <Radio.Group options={options(t, 'confirm', ['satisfied', 'unsatisfied'])} />
      </Form.Item>
      <CommentField />
    </ActionForm>
  );
}
