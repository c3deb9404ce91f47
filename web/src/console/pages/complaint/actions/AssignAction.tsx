import { Form } from 'antd';
import { useI18n } from '../../../../i18n';
import { useSession } from '../../../session';
import { ActionForm, type ActionProps } from './ActionForm';
import { CommentField } from './fields';
import { AssigneeSelect, UnitSelect } from './pickers';

/** 分派: a unit and, among its people who handle complaints, the handler. */
export function AssignAction(props: ActionProps) {
  const { t } = useI18n();
  const { user } = useSession();
  const c = props.complaint;
  return (
    <ActionForm
      action="assign"
      props={props}
      method="POST"
      url="/complaints/:number/assign"
      // Offered to themself by default when they work in the complaint's unit.
      initialValues={{
        unitId: c.unit?.id,
        assigneeId: c.assignee?.id ?? (user && user.unitId === c.unit?.id ? user.userId : undefined),
      }}
    >
      {(form) => (
        <>
          <Form.Item name="unitId" label={t('cp.field.unit')}>
            <UnitSelect onChange={() => form.setFieldValue('assigneeId', undefined)} />
          </Form.Item>
          <Form.Item name="assigneeId" label={t('cp.field.assignee')}>
            <AssigneeSelect current={c.assignee} />
          </Form.Item>
          <CommentField />
        </>
      )}
    </ActionForm>
  );
}
