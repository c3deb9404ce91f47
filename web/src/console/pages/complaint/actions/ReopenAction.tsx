import { complaintAction } from './ActionForm';
import { ReasonField } from './fields';

/** 重开: with its required reason. */
export const ReopenAction = complaintAction('reopen', 'POST', '/complaints/:number/reopen', ReasonField);
