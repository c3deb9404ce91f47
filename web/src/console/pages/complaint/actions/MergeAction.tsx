import { ActionForm, type ActionProps, useComplaintAction } from './ActionForm';
import { ReasonField, TargetField } from './fields';

/** 合并: merge into another complaint; this one stops (a risky action: confirmed first). */
export function MergeAction(props: ActionProps) {
  const run = useComplaintAction('POST', '/complaints/:number/merge', props.complaint.number);
  return (
    <ActionForm action="merge" props={props} run={run} danger>
      <TargetField name="into" />
      <ReasonField />
    </ActionForm>
  );
}
