import { ActionForm, type ActionProps, useComplaintAction } from './ActionForm';
import { ReasonField } from './fields';

/** request_info: with its required reason. */
export function RequestInfoAction(props: ActionProps) {
  const run = useComplaintAction('POST', '/complaints/:number/request-info', props.complaint.number);
  return (
    <ActionForm action="request_info" props={props} run={run}>
      <ReasonField />
    </ActionForm>
  );
}
