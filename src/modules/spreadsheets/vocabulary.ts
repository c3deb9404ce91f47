import type {
  CHANNELS,
  CONFIRMATIONS,
  DEMANDS,
  GRADES,
  INVALID_REASONS,
  LIABILITY_DEGREES,
  LIABLE_PARTIES,
  PRIORITIES,
  STATUSES,
  VALID_KINDS,
  VALIDITIES,
} from '../../domain/complaint-model.js';
import type { Locale } from '../../i18n/index.js';

/**
 * How the complaint vocabularies read in a spreadsheet: people type and read 电话 or 紧急, not
 * `phone` or `P1`. A sheet may use the code, the Chinese or the English label.
 */
export type Labels<T extends string> = Record<T, readonly [zh: string, en: string]>;

/** The language the customer is written to in. */
export const LANGUAGE_LABELS: Labels<Locale> = {
  'zh-CN': ['中文', 'Chinese'],
  en: ['英文', 'English'],
};

export const CHANNEL_LABELS: Labels<(typeof CHANNELS)[number]> = {
  phone: ['电话', 'phone'],
  sms: ['短信', 'SMS'],
  email: ['邮件', 'e-mail'],
  web: ['网站表单', 'web form'],
  app: ['App', 'app'],
  wechat: ['微信', 'WeChat'],
  social: ['微博/社交媒体', 'social media'],
  onsite: ['现场', 'on-site'],
  letter: ['来信/意见箱', 'letter'],
  regulator: ['监管转办', 'regulator referral'],
  consumer_association: ['消协', 'consumer association'],
  media: ['媒体', 'media'],
  other: ['其他', 'other'],
};

export const PRIORITY_LABELS: Labels<(typeof PRIORITIES)[number]> = {
  P1: ['紧急', 'urgent'],
  P2: ['高', 'high'],
  P3: ['中', 'medium'],
  P4: ['低', 'low'],
};

export const DEMAND_LABELS: Labels<(typeof DEMANDS)[number]> = {
  apology: ['道歉', 'apology'],
  explanation: ['解释', 'explanation'],
  refund: ['退款', 'refund'],
  replacement: ['换货', 'replacement'],
  repair: ['维修', 'repair'],
  reship: ['补寄', 'reship'],
  compensation: ['赔偿', 'compensation'],
  other: ['其他', 'other'],
};

export const STATUS_LABELS: Labels<(typeof STATUSES)[number]> = {
  received: ['待受理', 'received'],
  accepted: ['已受理', 'accepted'],
  assigned: ['已分派', 'assigned'],
  investigating: ['调查中', 'investigating'],
  waiting_customer: ['待补充材料', 'waiting for the customer'],
  proposed: ['待审批', 'proposed'],
  approved: ['已批准', 'approved'],
  replied: ['已回复', 'replied'],
  resolved: ['已解决', 'resolved'],
  invalid: ['无效', 'invalid'],
  merged: ['已合并', 'merged'],
  withdrawn: ['已撤诉', 'withdrawn'],
  closed: ['已结案', 'closed'],
};

export const GRADE_LABELS: Labels<(typeof GRADES)[number]> = {
  general: ['一般', 'general'],
  major: ['重大', 'major'],
};

export const VALIDITY_LABELS: Labels<(typeof VALIDITIES)[number]> = {
  valid: ['有效', 'valid'],
  invalid: ['无效', 'invalid'],
};

export const VALID_KIND_LABELS: Labels<(typeof VALID_KINDS)[number]> = {
  major: ['重大', 'major'],
  service_conduct: ['服务行为', 'service conduct'],
  business_error: ['业务差错', 'business error'],
  minor_slip: ['轻微服务瑕疵', 'minor slip'],
};

export const INVALID_REASON_LABELS: Labels<(typeof INVALID_REASONS)[number]> = {
  unreasonable_demand: ['诉求不合理', 'unreasonable demand'],
  harassment: ['骚扰', 'harassment'],
  untrue_information: ['信息不实', 'untrue information'],
  system_fault: ['系统故障', 'system fault'],
  knowledge_base_error: ['知识库错误', 'knowledge base error'],
  branch_error: ['网点差错', 'branch error'],
  recording_unavailable: ['无录音', 'recording unavailable'],
  appeal_overturned: ['申诉撤销', 'overturned on appeal'],
  other: ['其他', 'other'],
};

export const LIABLE_PARTY_LABELS: Labels<(typeof LIABLE_PARTIES)[number]> = {
  company: ['本公司', 'company'],
  customer: ['客户', 'customer'],
  third_party: ['第三方', 'third party'],
  none: ['无责', 'none'],
};

export const DEGREE_LABELS: Labels<(typeof LIABILITY_DEGREES)[number]> = {
  full: ['全部责任', 'full'],
  primary: ['主要责任', 'primary'],
  secondary: ['次要责任', 'secondary'],
  none: ['无责任', 'none'],
};

/** A remedy's decision, then its fulfilment. */
export const REMEDY_STATUS_LABELS: Labels<string> = {
  pending: ['待审批', 'awaiting approval'],
  approved: ['已批准', 'approved'],
  rejected: ['已驳回', 'rejected'],
  executed: ['已执行', 'executed'],
};
export const FULFILMENT_LABELS: Labels<string> = {
  pending: ['待执行', 'to be carried out'],
  done: ['已执行', 'carried out'],
  failed: ['执行失败', 'failed'],
  cancelled: ['已取消', 'cancelled'],
};
export const PROOF_LABELS: Labels<string> = {
  refundReference: ['退款流水号', 'refund ref.'],
  waybillNo: ['补寄运单号', 'waybill'],
  voucherCode: ['券码', 'voucher'],
  paymentReference: ['赔付凭证号', 'payment ref.'],
  note: ['说明', 'note'],
};

export const CONFIRMATION_LABELS: Labels<(typeof CONFIRMATIONS)[number]> = {
  satisfied: ['满意', 'satisfied'],
  unsatisfied: ['不满意', 'not satisfied'],
};

export const YES_NO: Record<Locale, [yes: string, no: string]> = { 'zh-CN': ['是', '否'], en: ['yes', 'no'] };

/** The label of a code in a locale; an unknown code (a vocabulary grown since) shows as itself. */
export function labelOf<T extends string>(labels: Labels<T>, code: string, locale: Locale): string {
  const pair = (labels as Record<string, readonly [string, string]>)[code];
  return pair ? pair[locale === 'en' ? 1 : 0] : code;
}

const folded = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
const indexes = new WeakMap<object, Map<string, string>>();

function indexOf(labels: Labels<string>): Map<string, string> {
  let index = indexes.get(labels);
  if (!index) {
    index = new Map();
    for (const [code, [zh, en]] of Object.entries(labels)) {
      for (const name of [code, zh, en]) index.set(folded(name), code);
    }
    indexes.set(labels, index);
  }
  return index;
}

/**
 * The code a cell names: the code itself, either label, or a code and label together (`P1 紧急`).
 * Undefined when nothing matches.
 */
export function codeOf<T extends string>(labels: Labels<T>, text: string): T | undefined {
  const index = indexOf(labels);
  const wanted = folded(text);
  const part = wanted.split(' ').find((p) => index.has(p));
  // The index maps names to the codes of `labels` only.
  return (index.get(wanted) ?? (part === undefined ? undefined : index.get(part))) as T | undefined;
}
