import { complaintAction } from './ActionForm';
import { ReasonField } from './fields';

/** 驳回 the pending remedy: with its required reason. */
export const RejectAction = complaintAction('reject', 'POST', '/complaints/:number/reject', ReasonField);
