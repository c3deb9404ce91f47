import { Checkbox, Form } from 'antd';
import { useI18n } from '../../../../i18n';
import { ActionForm, type ActionProps, useComplaintAction } from './ActionForm';
import { ReasonField } from './fields';

/** 升级: one level up the escalation chain, the priority raised if asked. */
export function EscalateAction(props: ActionProps) {
  const { t } = useI18n();
  const run = useComplaintAction('POST', '/complaints/:number/escalate', props.complaint.number);
  return (
    <ActionForm action="escalate" props={props} run={run}>
      <ReasonField />
      <Form.Item name="raisePriority" valuePropName="checked">
        <Checkbox>{t('cp.field.raisePriority')}</Checkbox>
      </Form.Item>
    </ActionForm>
  );
}
