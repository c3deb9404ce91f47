export type { ChannelSettings } from './channel-settings.js';
export { complaintNotices, complaintVars, queueComplaintNotices, trackUrl } from './complaint-notices.js';
export { nearestWithRole } from './people.js';
export { type Notice, type NoticeAttachment, type NoticeTarget, queueNotice } from './queue-notice.js';
export { queueNotices } from './queue-notices.js';
export { render } from './render.js';
export { SEND_NOTICE_JOB, sendNoticeJob } from './send-notice.js';
export {
  breachReason,
  CUSTOMER_STATUS_WORDS,
  defaultTemplate,
  NOTICE_CHANNELS,
  NOTICE_EVENTS,
  PENDING_REMEDY_TEXT,
  REMEDY_NAMES,
  STAGE_NAMES,
} from './templates.js';
