import { simpleAction } from './ActionForm';
import { CommentField } from './fields';

/** 受理: a confirmation with an optional comment. */
export const AcceptAction = simpleAction('accept', '/complaints/:number/accept', CommentField);
