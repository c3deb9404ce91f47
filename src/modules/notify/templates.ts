/** Default notice texts per event, channel and language; an admin override in the database wins. */

import { type Locale, listed } from '../../i18n/index.js';

export const NOTICE_EVENTS = [
  'acknowledgment',
  'progress',
  'result',
  'survey',
  'unreachable',
  'assigned',
  'approval_needed',
  'reminder',
  'escalated',
  'major_registered',
  'major_remedy_decided',
  'tracking_code',
  'customer_message',
  'staff_message',
  'mail_intake_failing',
  'extension_requested',
  'extension_granted',
  'extension_refused',
  'extension_approved',
  'progress_update',
  'action_due_soon',
  'action_overdue',
  'appeal_filed',
  'appeal_overdue',
  'appeal_decided',
  'report_ready',
  'report_summary',
  'warning_raised',
] as const;
export type NoticeEvent = (typeof NOTICE_EVENTS)[number];

export const NOTICE_CHANNELS = ['sms', 'email', 'inbox', 'robot'] as const;
export type { Locale };
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

export interface Template {
  subject: string;
  body: string;
}

type Texts = Record<NoticeEvent, Record<Locale, Template>>;

const TEXTS: Texts = {
  acknowledgment: {
    'zh-CN': {
      subject: '【受理函】您的投诉 {number} 已受理',
      body: '尊敬的{customer_name}：您于 {received_at} 提出的投诉（{title}）已受理，编号 {number}，预计 {expected_at} 前处理完毕。查询进度：{track_url}',
    },
    en: {
      subject: 'Acknowledgment: your complaint {number} is accepted',
      body: 'Dear {customer_name}, your complaint "{title}" received at {received_at} is accepted as {number}. We expect to complete it by {expected_at}. Track it at {track_url_en}',
    },
  },
  progress: {
    'zh-CN': {
      subject: '投诉 {number} 处理进展',
      body: '您的投诉 {number} 需要补充材料：{reason}。请通过 {track_url} 上传。',
    },
    en: {
      subject: 'Progress on complaint {number}',
      body: 'We need more from you for complaint {number}: {reason}. Please add it at {track_url_en}',
    },
  },
  result: {
    'zh-CN': {
      subject: '投诉 {number} 处理结果',
      body: '您的投诉 {number} 处理结果：{result}。如有疑问请回复或访问 {track_url}。',
    },
    en: {
      subject: 'Result of complaint {number}',
      body: 'The result of your complaint {number}: {result}. Questions? Reply or visit {track_url_en}',
    },
  },
  survey: {
    'zh-CN': {
      subject: '请评价投诉 {number} 的处理',
      body: '感谢您的耐心，请花一分钟评价本次处理：{track_url}',
    },
    en: {
      subject: 'How did we handle complaint {number}?',
      body: 'Thank you for your patience. Please rate how we handled it: {track_url_en}',
    },
  },
  unreachable: {
    'zh-CN': {
      subject: '关于投诉 {number}',
      body: '我们致电您未能接通，关于投诉 {number} 请尽快联系我们或访问 {track_url}，否则将于 {due_at} 后结案。',
    },
    en: {
      subject: 'About complaint {number}',
      body: 'We could not reach you by phone about complaint {number}. Please contact us or visit {track_url_en}; otherwise it closes after {due_at}.',
    },
  },
  assigned: {
    'zh-CN': {
      subject: '新投诉 {number} 已分派给您',
      body: '投诉 {number}（{title}，{priority}）已分派给您，请于 {due_at} 前首次响应。',
    },
    en: {
      subject: 'Complaint {number} is assigned to you',
      body: 'Complaint {number} ("{title}", {priority}) is assigned to you; first response due by {due_at}.',
    },
  },
  approval_needed: {
    'zh-CN': {
      subject: '投诉 {number} 的处理方案待您审批',
      body: '投诉 {number} 的处理方案金额 {amount}，超出提出人权限，请审批。',
    },
    en: {
      subject: 'A remedy for complaint {number} awaits your approval',
      body: 'The remedy of {amount} for complaint {number} is beyond its proposer’s limit; please decide.',
    },
  },
  reminder: {
    'zh-CN': {
      subject: '提醒：投诉 {number} 的{stage}时限将至',
      body: '投诉 {number}（{title}）的{stage}将于 {due_at} 到期，请尽快处理。',
    },
    en: {
      subject: 'Reminder: {stage_en} of complaint {number} is due soon',
      body: 'The {stage_en} time limit of complaint {number} ("{title}") ends at {due_at}.',
    },
  },
  escalated: {
    'zh-CN': {
      subject: '投诉 {number} 已升级至您',
      body: '投诉 {number}（{title}）{reason}，已升级至{level}，优先级 {priority}。',
    },
    en: {
      subject: 'Complaint {number} is escalated to you',
      body: 'Complaint {number} ("{title}"): {reason_en}. Escalated to the {level_en}; priority {priority}.',
    },
  },
  major_registered: {
    'zh-CN': { subject: '重大客诉 {number}', body: '登记了重大客诉 {number}（{title}），原因：{reason}。' },
    en: {
      subject: 'Major complaint {number}',
      body: 'A major complaint {number} ("{title}") was registered: {reason_en}.',
    },
  },
  major_remedy_decided: {
    'zh-CN': {
      subject: '重大客诉 {number} 的处理方案已{decision}',
      body: '重大客诉 {number}（{title}）的处理方案（{remedies}，{amount}）已由{decided_by}{decision}。{comment}',
    },
    en: {
      subject: 'The remedy of major complaint {number} is {decision_en}',
      body: 'The remedy of major complaint {number} ("{title}") — {remedies_en}, {amount} — was {decision_en} by {decided_by}. {comment}',
    },
  },
  tracking_code: {
    'zh-CN': {
      subject: '投诉 {number} 查询验证码',
      body: '您查询投诉 {number} 的验证码为 {code}，{minutes} 分钟内有效，请勿告诉他人。',
    },
    en: {
      subject: 'Your code for complaint {number}',
      body: 'Your code to follow complaint {number} is {code}. It is valid for {minutes} minutes; do not share it.',
    },
  },
  customer_message: {
    'zh-CN': {
      subject: '投诉 {number} 有客户新留言',
      body: '客户就投诉 {number}（{title}）留言：{message}',
    },
    en: {
      subject: 'The customer wrote on complaint {number}',
      body: 'The customer wrote on complaint {number} ("{title}"): {message}',
    },
  },
  mail_intake_failing: {
    'zh-CN': {
      subject: '邮件接入中断：无法读取投诉邮箱',
      body: '投诉邮箱 {mailbox} 已连续 {failures} 次读取失败（{error}）。邮件仍保留在邮箱中，恢复后将自动接入，不会丢失。请检查邮件接入设置与邮件服务器。',
    },
    en: {
      subject: 'Mail intake interrupted: the complaints mailbox cannot be read',
      body: 'The complaints mailbox {mailbox} failed {failures} times in a row ({error}). The mail stays in the mailbox and is taken in once it recovers; nothing is lost. Check the mail intake settings and the mail server.',
    },
  },
  appeal_filed: {
    'zh-CN': {
      subject: '投诉 {number} 的判定有申诉待您复核',
      body: '投诉 {number}（{title}）的判定收到申诉：{reason}。请在 1 个工作日内在申诉页复核。',
    },
    en: {
      subject: 'An appeal against the judgement of complaint {number} awaits your review',
      body: 'The judgement of complaint {number} ("{title}") is appealed: {reason}. Review it on the appeals page within 1 working day.',
    },
  },
  appeal_overdue: {
    'zh-CN': {
      subject: '投诉 {number} 的申诉复核已超时',
      body: '投诉 {number}（{title}）的申诉应于 {due_at} 前复核，现已超时。请尽快在申诉页处理。',
    },
    en: {
      subject: 'The review of an appeal on complaint {number} is overdue',
      body: 'The appeal on complaint {number} ("{title}") was due for review by {due_at} and is overdue. Review it on the appeals page.',
    },
  },
  appeal_decided: {
    'zh-CN': {
      subject: '您对投诉 {number} 的申诉已有结果',
      body: '您对投诉 {number}（{title}）的申诉复核结果：{outcome_zh}。{comment}',
    },
    en: {
      subject: 'Your appeal on complaint {number} is decided',
      body: 'Your appeal on complaint {number} ("{title}") is decided: {outcome_en}. {comment}',
    },
  },
  extension_requested: {
    'zh-CN': {
      subject: '投诉 {number} 申请延期 {days} 个工作日，待您审批',
      body: '投诉 {number}（{title}）申请将处理时限延长 {days} 个工作日，原因：{reason}。请在投诉页批准或驳回。',
    },
    en: {
      subject: 'Complaint {number}: an extension of {days} working days awaits your decision',
      body: 'Complaint {number} ("{title}") asks for its time limits to be extended by {days} working days: {reason}. Approve or refuse it on the complaint page.',
    },
  },
  extension_granted: {
    'zh-CN': {
      subject: '投诉 {number} 的延期申请已批准',
      body: '投诉 {number} 的处理时限已延长 {days} 个工作日，新的整体办结时间 {expected_at}。{comment}',
    },
    en: {
      subject: 'The extension of complaint {number} is approved',
      body: 'The time limits of complaint {number} are extended by {days} working days; the whole complaint is now due by {expected_at}. {comment}',
    },
  },
  extension_refused: {
    'zh-CN': {
      subject: '投诉 {number} 的延期申请被驳回',
      body: '投诉 {number} 申请延期 {days} 个工作日被驳回：{comment}。请按原时限处理。',
    },
    en: {
      subject: 'The extension of complaint {number} is refused',
      body: 'The extension of {days} working days for complaint {number} was refused: {comment}. The time limits stay as they were.',
    },
  },
  extension_approved: {
    'zh-CN': {
      subject: '关于您的投诉 {number} 的处理时间',
      body: '尊敬的{customer_name}：因{reason}，您的投诉 {number} 需要更多时间处理，预计 {expected_at} 前处理完毕。查询进度：{track_url}',
    },
    en: {
      subject: 'More time for your complaint {number}',
      body: 'Dear {customer_name}, your complaint {number} needs more time ({reason}). We now expect to complete it by {expected_at}. Track it at {track_url_en}',
    },
  },
  progress_update: {
    'zh-CN': {
      subject: '投诉 {number} 处理进度',
      body: '尊敬的{customer_name}：您的投诉 {number}（{title}）目前{customer_status}，预计 {expected_at} 前处理完毕。查询进度：{track_url}',
    },
    en: {
      subject: 'Progress of your complaint {number}',
      body: 'Dear {customer_name}, your complaint {number} ("{title}") is {customer_status_en}. We expect to complete it by {expected_at}. Track it at {track_url_en}',
    },
  },
  staff_message: {
    'zh-CN': {
      subject: '关于您的投诉 {number} 的留言',
      body: '客服就您的投诉 {number} 留言：{message} 查看或回复：{track_url}',
    },
    en: {
      subject: 'A message about your complaint {number}',
      body: 'We wrote about your complaint {number}: {message} Read or answer at {track_url_en}',
    },
  },
  action_due_soon: {
    'zh-CN': {
      subject: '提醒：整改 #{action_id} 将于 {due_at} 到期',
      body: '您负责的整改措施 #{action_id}（{title}）将于 {due_at} 到期，请按计划完成并提交完成证据。',
    },
    en: {
      subject: 'Reminder: action #{action_id} is due by {due_at}',
      body: 'The corrective action #{action_id} ("{title}") you own is due by {due_at}. Please complete it and record the evidence.',
    },
  },
  action_overdue: {
    'zh-CN': {
      subject: '整改 #{action_id} 已逾期',
      body: '整改措施 #{action_id}（{title}）已于 {due_at} 到期仍未完成，责任人：{owner}。请督促落实。',
    },
    en: {
      subject: 'Action #{action_id} is overdue',
      body: 'The corrective action #{action_id} ("{title}") owned by {owner} was due by {due_at} and is not done. Please follow it up.',
    },
  },
  report_ready: {
    'zh-CN': {
      subject: '【报表】{title}',
      body: '{title}（{period}，{scope}）已生成，PDF 与 Excel 见附件。\n\n{summary}\n\n在控制台查看：{url}',
    },
    en: {
      subject: 'Report: {title}',
      body: '{title} ({period}, {scope}) is ready; the PDF and the workbook are attached.\n\n{summary}\n\nIn the console: {url}',
    },
  },
  report_summary: {
    'zh-CN': { subject: '{title}', body: '{title}（{period}）\n{summary}\n详情：{url}' },
    en: { subject: '{title}', body: '{title} ({period})\n{summary}\nDetails: {url}' },
  },
  warning_raised: {
    'zh-CN': {
      subject: '预警 #{warning_id}：{scope}',
      body: '{unit} 出现预警 #{warning_id}（{kind}，{scope}）：{summary}。请在预警页查看并确认处理。',
    },
    en: {
      subject: 'Warning #{warning_id}: {scope_en}',
      body: 'Warning #{warning_id} ({kind_en}, {scope_en}) at {unit_en}: {summary_en}. Please look at it on the warnings page and acknowledge it.',
    },
  },
};

export function defaultTemplate(event: NoticeEvent, locale: Locale): Template {
  return TEXTS[event][locale];
}

/** Names of the stages and levels as notices show them. */
export const STAGE_NAMES: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    register: '登记分类',
    dispatch: '分派',
    first_response: '首次响应',
    investigation: '开始调查',
    evidence_request: '客户补充材料',
    proposal: '提出方案',
    reply: '回复',
    archive: '归档',
    whole: '整体办结',
    external: '转办单位时限',
    fulfilment: '方案执行',
  },
  en: {
    register: 'registration',
    dispatch: 'dispatch',
    first_response: 'first response',
    investigation: 'start of investigation',
    evidence_request: 'customer evidence',
    proposal: 'proposal',
    reply: 'reply',
    archive: 'archive',
    whole: 'whole complaint',
    external: "referrer's deadline",
    fulfilment: 'remedy fulfilment',
  },
};

/** Why a complaint escalated by itself: the stages whose time limits it broke. */
export function breachReason(stages: readonly string[], locale: Locale): string {
  const names = listed(
    locale,
    stages.map((s) => STAGE_NAMES[locale][s] ?? s),
  );
  return locale === 'en' ? `${names} overdue` : `${names}超时`;
}

export const LEVEL_NAMES: Record<Locale, Record<string, string>> = {
  'zh-CN': { agent: '坐席', supervisor: '主管', manager: '客服经理', executive: '总经理' },
  en: { agent: 'agent', supervisor: 'supervisor', manager: 'manager', executive: 'executive' },
};

/** A complaint's status in the customer's words: a remedy waiting for approval is still being handled. */
export const CUSTOMER_STATUS_WORDS: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    received: '已收到，等待受理',
    accepted: '已受理',
    assigned: '已转交责任部门',
    investigating: '正在调查处理',
    waiting_customer: '等待您补充材料',
    proposed: '正在调查处理',
    approved: '正在调查处理',
    replied: '已答复，等待您确认',
  },
  en: {
    received: 'received and awaiting acceptance',
    accepted: 'accepted',
    assigned: 'with the department responsible',
    investigating: 'being investigated',
    waiting_customer: 'waiting for the material we asked you for',
    proposed: 'being investigated',
    approved: 'being investigated',
    replied: 'answered and awaiting your confirmation',
  },
};
/** Names of the remedy kinds and of a remedy's decision as notices and replies show them. */
export const REMEDY_NAMES: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    explanation: '解释说明',
    apology: '道歉',
    refund: '退款',
    replacement: '换货',
    repair: '维修',
    reship: '补寄',
    compensation: '赔偿',
    gift: '小礼品',
    coupon: '优惠券',
    approved: '批准',
    rejected: '驳回',
  },
  en: {
    explanation: 'explanation',
    apology: 'apology',
    refund: 'refund',
    replacement: 'replacement',
    repair: 'repair',
    reship: 'reship',
    compensation: 'compensation',
    gift: 'gift',
    coupon: 'coupon',
    approved: 'approved',
    rejected: 'rejected',
  },
};

/** The sentence a reply gains when it goes out before its approved remedy is carried out. */
export const PENDING_REMEDY_TEXT: Record<Locale, string> = {
  'zh-CN': '待执行：{remedies}（{amount}），将于 {due_at} 前完成。',
  en: 'Still to be done: {remedies} ({amount}), by {due_at}.',
};
