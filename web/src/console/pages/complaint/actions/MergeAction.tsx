import { complaintAction, type FieldsProps } from './ActionForm';
import { ReasonField } from './fields';
import { TargetField } from './TargetField';

const MergeFields = ({ complaint }: FieldsProps) => (
  <>
    <TargetField name="into" complaint={complaint} openOnly />
    <ReasonField />
  </>
);

/** 合并: merge into another complaint; this one stops (a risky action: confirmed first). */
export const MergeAction = complaintAction('merge', 'POST', '/complaints/:number/merge', MergeFields, {
  danger: true,
});
