import { Checkbox, Form } from 'antd';
import { useI18n } from '../../../../i18n';
import { ActionForm, type ActionProps } from './ActionForm';
import { ReasonField } from './fields';

/** 升级: one level up the escalation chain, the priority raised if asked. */
export function EscalateAction(props: ActionProps) {
  const { t } = useI18n();
  return (
    <ActionForm action="escalate" props={props} method="POST" url="/complaints/:number/escalate">
      <ReasonField />
      <Form.Item name="raisePriority" valuePropName="checked">
        <Checkbox>{t('cp.field.raisePriority')}</Checkbox>
      </Form.Item>
    </ActionForm>
  );
}
