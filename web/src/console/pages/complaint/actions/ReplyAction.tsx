import { complaintAction } from './ActionForm';
import { ReplyFields } from './ReplyFields';

/** 回复客户: the formal reply in its five parts, sent the way the customer prefers by default. */
export const ReplyAction = complaintAction('reply', 'POST', '/complaints/:number/reply', ReplyFields, {
  width: 720,
  initialValues: (c) => ({ method: c.complainant.preferredContact === 'email' ? 'email' : 'phone' }),
});
