import { CONFIRMATIONS } from '../../../../api/vocabularies';
import { complaintAction } from './ActionForm';
import { CommentField, OutcomeField } from './fields';

const ConfirmFields = () => (
  <>
    <OutcomeField group="confirm" codes={CONFIRMATIONS} />
    <CommentField />
  </>
);

/** 客户确认: whether the customer is satisfied with the reply. */
export const ConfirmAction = complaintAction(
  'confirm',
  'POST',
  '/complaints/:number/confirmation',
  ConfirmFields,
);
