import { ActionForm, type ActionProps, useComplaintAction } from './ActionForm';
import { ReasonField } from './fields';

/** withdraw: with its required reason. */
export function WithdrawAction(props: ActionProps) {
  const run = useComplaintAction('POST', '/complaints/:number/withdraw', props.complaint.number);
  return (
    <ActionForm action="withdraw" props={props} run={run} danger={true}>
      <ReasonField />
    </ActionForm>
  );
}
