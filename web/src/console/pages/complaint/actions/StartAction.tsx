import { complaintAction } from './ActionForm';
import { CommentField } from './fields';

/** 开始调查: a confirmation with an optional comment. */
export const StartAction = complaintAction('start', 'POST', '/complaints/:number/start', CommentField);
