import { complaintAction } from './ActionForm';
import { ReasonField } from './fields';

/** 请客户补充材料: with its required reason (what is missing). */
export const RequestInfoAction = complaintAction(
  'request_info',
  'POST',
  '/complaints/:number/request-info',
  ReasonField,
);
