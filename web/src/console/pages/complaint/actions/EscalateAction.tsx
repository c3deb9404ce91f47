import { Checkbox, Form } from 'antd';
import { useI18n } from '../../../../i18n';
import { complaintAction } from './ActionForm';
import { ReasonField } from './fields';

function EscalateFields() {
  const { t } = useI18n();
  return (
    <>
      <ReasonField />
      <Form.Item name="raisePriority" valuePropName="checked">
        <Checkbox>{t('cp.field.raisePriority')}</Checkbox>
      </Form.Item>
    </>
  );
}

/** 升级: one level up the escalation chain, the priority raised if asked. */
export const EscalateAction = complaintAction(
  'escalate',
  'POST',
  '/complaints/:number/escalate',
  EscalateFields,
);
