import { simpleAction } from './ActionForm';
import { ReasonField } from './fields';

/** 重开: with its required reason. */
export const ReopenAction = simpleAction('reopen', '/complaints/:number/reopen', ReasonField);
