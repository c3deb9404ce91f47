import { complaintAction } from './ActionForm';
import { ReasonField, TargetField } from './fields';

const MergeFields = () => (
  <>
    <TargetField name="into" />
    <ReasonField />
  </>
);

/** 合并: merge into another complaint; this one stops (a risky action: confirmed first). */
export const MergeAction = complaintAction('merge', 'POST', '/complaints/:number/merge', MergeFields, {
  danger: true,
});
