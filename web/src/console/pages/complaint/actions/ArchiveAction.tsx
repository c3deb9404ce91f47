import { simpleAction } from './ActionForm';
import { CommentField } from './fields';

/** 归档: a confirmation with an optional comment. */
export const ArchiveAction = simpleAction('archive', '/complaints/:number/archive', CommentField);
