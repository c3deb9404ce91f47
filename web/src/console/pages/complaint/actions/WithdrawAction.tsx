import { complaintAction } from './ActionForm';
import { ReasonField } from './fields';

/** 撤诉 (on the customer's word): with its required reason; a risky action, confirmed first. */
export const WithdrawAction = complaintAction(
  'withdraw',
  'POST',
  '/complaints/:number/withdraw',
  ReasonField,
  { danger: true },
);
