import type { RegisterInput, RemedyInput, ReplyInput } from '../../src/modules/complaints/schemas.js';
import type { DemoOrganisation } from '../../src/seed/demo.js';

let serial = 0;

/** A valid registration body, from a complainant of its own (so that complaints are not repeats); override any field. */
export function buildComplaint(org: DemoOrganisation, overrides: Partial<RegisterInput> = {}): RegisterInput {
  serial++;
  return {
    channel: 'phone',
    complainant: {
      name: '王女士',
      phone: `138${String(serial).padStart(8, '0')}`,
      preferredContact: 'phone',
    },
    title: `包裹延误 ${serial}`,
    content: '我的快递三天没有物流更新，请尽快处理。',
    categoryId: org.categoryIds.get('delay.transit') ?? 0,
    waybillNo: `SF${String(1000000 + serial)}`,
    demands: ['explanation'],
    ...overrides,
  };
}

export const reply = (overrides: Partial<ReplyInput> = {}): ReplyInput => ({
  method: 'phone',
  summary: '您反映包裹延误。',
  actions: '已核实中转记录并加急派送。',
  result: '包裹已于今日送达。',
  basis: '《快递服务》国家标准 5.3。',
  followUp: '如有疑问请拨打客服热线。',
  ...overrides,
});

export const remedy = (amount: number, overrides: Partial<RemedyInput> = {}): RemedyInput => ({
  kinds: ['apology', 'compensation'],
  amount,
  description: `致歉并补偿 ${amount / 100} 元`,
  ...overrides,
});

export const judgement = {
  liableParty: 'company',
  degree: 'full',
  basis: '中转记录显示延误 48 小时，责任在我司。',
  validity: 'valid',
  validityKind: 'business_error',
} as const;
