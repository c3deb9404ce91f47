import { complaintAction } from './ActionForm';
import { CommentField } from './fields';

/** 受理: a confirmation with an optional comment. */
export const AcceptAction = complaintAction('accept', 'POST', '/complaints/:number/accept', CommentField);
