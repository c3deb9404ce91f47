import { Form } from 'antd';
import { useI18n } from '../../../../i18n';
import { ActionForm, type ActionProps, useComplaintAction } from './ActionForm';
import { ReasonField } from './fields';
import { AssigneeSelect, UnitSelect } from './pickers';

/** 转派: to another unit (by default the one the dispatch rules pick), with the reason. */
export function TransferAction(props: ActionProps) {
  const { t } = useI18n();
  const run = useComplaintAction('POST', '/complaints/:number/transfer', props.complaint.number);
  return (
    <ActionForm action="transfer" props={props} run={run}>
      {(form) => (
        <>
          <Form.Item name="unitId" label={t('cp.field.unit')}>
            <UnitSelect allowClear onChange={() => form.setFieldValue('assigneeId', undefined)} />
          </Form.Item>
          <Form.Item name="assigneeId" label={t('cp.field.assignee')}>
            <AssigneeSelect allowClear current={props.complaint.assignee} />
          </Form.Item>
          <ReasonField />
        </>
      )}
    </ActionForm>
  );
}
