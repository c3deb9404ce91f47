import { Form } from 'antd';
import { useI18n } from '../../../../i18n';
import { ActionForm, type ActionProps } from './ActionForm';
import { ReasonField } from './fields';
import { AssigneeSelect, UnitSelect } from './pickers';

/** 转派: to another unit (by default the one the dispatch rules pick), with the reason. */
export function TransferAction(props: ActionProps) {
  const { t } = useI18n();
  return (
    <ActionForm action="transfer" props={props} method="POST" url="/complaints/:number/transfer">
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
