import { complaintAction, type FieldsProps } from './ActionForm';
import { CommentField } from './fields';
import { UnitAndAssignee } from './pickers';

const AssignFields = ({ form, complaint }: FieldsProps) => (
  <>
    <UnitAndAssignee form={form} current={complaint.assignee} />
    <CommentField />
  </>
);

/** 分派: a unit and, among its people who handle complaints, the handler. */
export const AssignAction = complaintAction('assign', 'POST', '/complaints/:number/assign', AssignFields, {
  // Offered to themself by default when they work in the complaint's unit.
  initialValues: (c, user) => ({
    unitId: c.unit?.id,
    assigneeId: c.assignee?.id ?? (user && user.unitId === c.unit?.id ? user.userId : undefined),
  }),
});
