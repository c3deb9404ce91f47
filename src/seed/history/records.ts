/** The words of the generated judgements, remedies and replies, by category family (the code's first part). */

export interface RemedyPlan {
  kinds: string[];
  internalActions: string[];
  /** Fen, from … to. */
  amount: [number, number];
  description: string;
}

const REMEDIES: Record<string, RemedyPlan> = {
  delay: {
    kinds: ['apology', 'coupon'],
    internalActions: [],
    amount: [500, 2000],
    description: '致歉并发放运费券，已督促网点优先派送。',
  },
  damage: {
    kinds: ['compensation'],
    internalActions: ['process_change'],
    amount: [2000, 60000],
    description: '按保价规则赔偿破损物品，网点加强包装检查。',
  },
  lost: {
    kinds: ['compensation'],
    internalActions: ['process_change'],
    amount: [5000, 200000],
    description: '按声明价值赔偿丢失物品。',
  },
  fees: { kinds: ['refund'], internalActions: [], amount: [300, 3000], description: '退还多收的费用。' },
  cod: {
    kinds: ['refund'],
    internalActions: ['process_change'],
    amount: [1000, 20000],
    description: '补付代收货款差额。',
  },
  delivery: {
    kinds: ['apology'],
    internalActions: ['training'],
    amount: [0, 0],
    description: '网点负责人致歉，对派送员进行服务规范培训。',
  },
  pickup: {
    kinds: ['apology'],
    internalActions: ['training'],
    amount: [0, 0],
    description: '致歉并安排重新上门揽收。',
  },
  info: {
    kinds: ['apology', 'gift'],
    internalActions: ['discipline'],
    amount: [0, 1000],
    description: '致歉并赠送小礼品，已处理相关人员。',
  },
};
const EXPLANATION: RemedyPlan = {
  kinds: ['explanation'],
  internalActions: [],
  amount: [0, 0],
  description: '向客户说明情况及处理依据。',
};

export const remedyFor = (family: string, valid: boolean): RemedyPlan =>
  valid ? (REMEDIES[family] ?? EXPLANATION) : EXPLANATION;

export const BASIS = {
  company: '经调取物流轨迹与网点记录核实，问题由我司作业环节造成。',
  third_party: '经核实，延误由航空及铁路运力调整造成，属第三方原因。',
  customer: '经核实，寄件信息填写有误，责任不在我司。',
  none: '经核实，快件处理符合《快递服务》国家标准，未发现作业问题。',
} as const;

/** The reply to the customer: what was found, done and decided. */
export function replyText(family: string, valid: boolean) {
  return {
    summary: '您反映的快件问题我们已收到并核实。',
    actions: valid
      ? `已核实情况并处理：${remedyFor(family, true).description}`
      : '已调取物流轨迹、签收记录和通话录音进行核实。',
    result: valid ? '责任在我司，已按规定处理并整改。' : '经核实不属于我司责任，已向您说明依据。',
    basis: '《快递服务》国家标准及我司服务承诺。',
    follow_up: '如有疑问请拨打客服热线或在 App 内留言。',
  };
}

export const INVALID_ANSWER = {
  summary: '您反映的问题我们已核实。',
  actions: '调取了物流轨迹、签收记录和通话录音。',
  result: '经核实，快件已按约定妥投，投诉不成立。',
  basis: '《快递服务》国家标准。',
  follow_up: '如有新的情况请再联系我们。',
};

export const SUGGESTIONS = [
  '派送前请先电话联系。',
  '希望客服电话能更快接通。',
  '处理很及时，谢谢。',
  '赔偿流程太慢了。',
];
