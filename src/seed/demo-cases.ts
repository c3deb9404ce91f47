import type { ActorContext } from '../context.js';
import { type CaseInput, markCase } from '../modules/cases/index.js';

/** 案例库 of the demo: one typical complaint of each kind, with what was learnt and its 话术. */
const CASES: Array<{ category: string; case: CaseInput }> = [
  {
    category: 'delay.transit',
    case: {
      title: '中转滞留：主动告知进度，化解催件投诉',
      summary: '快件在转运中心滞留多日，客户多次催件未果后投诉。',
      lessons:
        '先查轨迹定位滞留环节，再联系转运中心确认原因和发出时间；答复客户时给出预计送达日期，' +
        '不说"在路上"之类的空话。超出承诺时限的，按标准主动致歉并发放运费券。',
      scripts: [
        {
          title: '致歉并告知进度',
          text: '非常抱歉让您久等了。经查询，您的快件目前在转运中心等待发出，我们已督促优先处理，预计两天内送达，送达前会短信通知您。',
        },
      ],
      tags: ['催件', '时效'],
    },
  },
  {
    category: 'damage.contents.fragile',
    case: {
      title: '易碎品破损：先留证据，再谈赔偿',
      summary: '陶瓷、玻璃制品运输途中破损，客户要求全额赔偿。',
      lessons:
        '请客户拍下外包装、内件和面单，保留包装物；调取揽收验视和中转记录确认破损环节。' +
        '保价件按声明价值赔偿，未保价的按运费倍数规则说明上限，有争议的报主管审批。',
      scripts: [
        {
          title: '请客户留存证据',
          text: '给您带来不便非常抱歉。为了尽快为您处理，请拍下外包装、破损物品和快递面单的照片上传或发给我们，包装物请先保留。',
        },
        {
          title: '说明赔偿标准',
          text: '您的快件未办理保价，按照运单契约条款，我们可在运费的三倍以内赔偿；如您能提供物品价值凭证，我们会报主管尽量为您争取。',
        },
      ],
      tags: ['破损', '赔偿'],
    },
  },
  {
    category: 'lost.whole',
    case: {
      title: '整件丢失：48 小时内给出调查结论',
      summary: '快件长时间无轨迹，网点确认丢失，客户要求按价值赔偿。',
      lessons:
        '立即启动内部调查，按交接扫描逐段核对；48 小时内给客户调查结论。贵重物品或涉及监管转办的，' +
        '按重大投诉处理并报经理；赔偿按保价或契约条款执行，理赔进度每天告知客户。',
      scripts: [
        {
          title: '告知已启动调查',
          text: '您的快件我们已启动专项调查，正在逐段核对交接记录，48 小时内会给您明确答复，期间有进展会第一时间联系您。',
        },
      ],
      tags: ['丢失', '重大'],
    },
  },
  {
    category: 'delivery.locker',
    case: {
      title: '未经同意放驿站：致歉并重新送货上门',
      summary: '快递员未联系收件人，直接将快件放入驿站。',
      lessons:
        '《快递服务》国家标准要求投递前征得收件人同意。核实派送记录后由网点致歉，' +
        '客户需要的安排重新送货上门，并把该快递员纳入服务规范抽查。',
      scripts: [
        {
          title: '致歉并安排上门',
          text: '非常抱歉，快递员未经您同意就把快件放在了驿站，这是我们的问题。我们已安排今天重新为您送货上门，并对该快递员进行了批评教育。',
        },
      ],
      tags: ['驿站', '投递'],
    },
  },
  {
    category: 'delivery.attitude',
    case: {
      title: '快递员态度差：以录音为据，网点负责人致歉',
      summary: '客户反映快递员言语不文明。',
      lessons:
        '先调取通话录音或现场视频核实；属实的由网点负责人向客户致歉，快递员参加服务规范培训，' +
        '责任判定为有效投诉并计入考核。不属实的向客户耐心说明核实过程。',
      scripts: [
        {
          title: '核实属实后的致歉',
          text: '经核实录音，快递员当时的言语确实不妥，我们向您郑重道歉。网点负责人会再次联系您致歉，该快递员已安排服务规范培训。',
        },
      ],
      tags: ['服务态度'],
    },
  },
  {
    category: 'fees.extra.doorstep',
    case: {
      title: '额外收费：核对价格表，多收的当场退还',
      summary: '派送或寄件时被加收费用，客户认为不合理。',
      lessons:
        '按公示的价格表核对计费明细；没有依据的加收属于违规收费，当场退还并对网点通报。' +
        '有依据的（超重、偏远地区）向客户说明计费规则和查询方式。',
      scripts: [
        {
          title: '退还多收费用',
          text: '经核对，这笔费用不在我们的收费标准内，多收的款项会在 1 个工作日内原路退还给您，给您添麻烦了。',
        },
      ],
      tags: ['收费'],
    },
  },
  {
    category: 'info.leak',
    case: {
      title: '个人信息泄露：立即内部调查并告知处理进展',
      summary: '客户怀疑面单信息被泄露后接到诈骗电话。',
      lessons:
        '个人信息泄露一律立即启动内部调查，核查面单流转和系统查询日志；同时提醒客户防范诈骗。' +
        '查实的按公司规定严肃处理责任人，并视情况报告监管部门。',
      scripts: [
        {
          title: '提醒防范并告知调查',
          text: '感谢您及时告诉我们。我们已启动内部调查，核查您的快件信息经手记录。请您注意：我们不会以理赔为由要求您转账或提供验证码。',
        },
      ],
      tags: ['个人信息'],
    },
  },
];

/**
 * Mark the newest archived complaint of each category above as a case (the history has them), so the
 * 案例库 and the 话术 of the reply forms have something to offer in the demo.
 */
export async function curateDemoCases(ctx: ActorContext, categoryIds: Map<string, number>): Promise<void> {
  for (const { category, case: input } of CASES) {
    const complaint = await ctx.db
      .selectFrom('complaints')
      .select('number')
      .where('category_id', '=', categoryIds.get(category) ?? 0)
      .where('status', '=', 'closed')
      .where('judged_at', 'is not', null)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (complaint) await markCase(ctx, complaint.number, input);
  }
}
