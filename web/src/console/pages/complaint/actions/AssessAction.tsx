import { ActionForm, type ActionProps } from './ActionForm';
import { CommentField, ValidityFields } from './fields';

/** 有效性评定: valid (and of which kind) or invalid (and why). */
export function AssessAction(props: ActionProps) {
  return (
    <ActionForm action="assess" props={props} method="PUT" url="/complaints/:number/validity">
      <ValidityFields mandatory />
      <CommentField />
    </ActionForm>
  );
}
