import { simpleAction } from './ActionForm';
import { CommentField } from './fields';

/** 开始调查: a confirmation with an optional comment. */
export const StartAction = simpleAction('start', '/complaints/:number/start', CommentField);
