import { complaintAction, type FieldsProps } from './ActionForm';
import { ReasonField } from './fields';
import { UnitAndAssignee } from './pickers';

const TransferFields = ({ form, complaint }: FieldsProps) => (
  <>
    <UnitAndAssignee form={form} current={complaint.assignee} allowClear />
    <ReasonField />
  </>
);

/** 转派: to another unit (by default the one the dispatch rules pick), with the reason. */
export const TransferAction = complaintAction(
  'transfer',
  'POST',
  '/complaints/:number/transfer',
  TransferFields,
);
