import { simpleAction } from './ActionForm';
import { CommentField } from './fields';

/** 恢复处理 (the customer's material came): a confirmation with an optional comment. */
export const ResumeAction = simpleAction('resume', '/complaints/:number/resume', CommentField);
