import { complaintAction } from './ActionForm';
import { CommentField, ValidityFields } from './fields';

const AssessFields = () => (
  <>
    <ValidityFields mandatory />
    <CommentField />
  </>
);

/** 有效性评定: valid (and of which kind) or invalid (and why). */
export const AssessAction = complaintAction('assess', 'PUT', '/complaints/:number/validity', AssessFields);
