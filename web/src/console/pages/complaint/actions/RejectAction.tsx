import { simpleAction } from './ActionForm';
import { ReasonField } from './fields';

/** 驳回 the pending remedy: with its required reason. */
export const RejectAction = simpleAction('reject', '/complaints/:number/reject', ReasonField);
