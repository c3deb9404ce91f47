import { complaintAction } from './ActionForm';
import { CommentField } from './fields';

/** 归档: a confirmation with an optional comment. */
export const ArchiveAction = complaintAction('archive', 'POST', '/complaints/:number/archive', CommentField);
