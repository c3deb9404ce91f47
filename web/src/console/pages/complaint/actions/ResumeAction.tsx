import { complaintAction } from './ActionForm';
import { CommentField } from './fields';

/** 恢复处理 (the customer's material came): a confirmation with an optional comment. */
export const ResumeAction = complaintAction('resume', 'POST', '/complaints/:number/resume', CommentField);
