import { ActionForm, type ActionProps, useComplaintAction } from './ActionForm';
import { CommentField, ValidityFields } from './fields';

/** 有效性评定: valid (and of which kind) or invalid (and why). */
export function AssessAction(props: ActionProps) {
  const run = useComplaintAction('PUT', '/complaints/:number/validity', props.complaint.number);
  return (
    <ActionForm action="assess" props={props} run={run}>
      <ValidityFields mandatory />
      <CommentField />
    </ActionForm>
  );
}
