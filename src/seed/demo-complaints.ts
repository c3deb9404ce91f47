import type { AppContext } from '../context.js';
import * as complaints from '../modules/complaints/index.js';
import type { RegisterInput } from '../modules/complaints/schemas.js';
import { createAction } from '../modules/corrective-actions/index.js';
import type { DemoOrganisation } from './demo.js';
import { demoActor } from './demo-actor.js';

/**
 * The demo's newest complaints, made with the commands a user would run: at least one in every status,
 * whatever the generated history happens to leave open at the moment the demo starts, so a newcomer
 * meets each state of "The life of a complaint" on the first page.
 */
export async function seedDemoComplaints(
  app: AppContext,
  { unitIds, userIds, categoryIds }: DemoOrganisation,
  partnerStation: number | null,
): Promise<void> {
  const as = demoActor(app, userIds);
  const [agent, supervisor, manager, executive, handler] = [
    await as('agent'),
    await as('supervisor'),
    await as('manager'),
    await as('executive'),
    await as('handler'),
  ];
  const category = (code: string) => categoryIds.get(code) ?? 0;
  const unit = (key: string) => unitIds.get(key);
  const register = (
    input: Partial<RegisterInput> & Pick<RegisterInput, 'title' | 'content' | 'categoryId'>,
  ) =>
    complaints.registerComplaint(agent, {
      channel: 'phone',
      complainant: {
        name: '王女士',
        phone: '13800138000',
        preferredContact: 'phone',
        identityVerified: true,
      },
      demands: ['explanation'],
      ...input,
    });
  /**
   * Accepted and assigned to the Pudong station's handler or to the agent at the customer service
   * centre, who starts the investigation.
   */
  const investigating = async (number: string, by: 'handler' | 'agent') => {
    await complaints.acceptComplaint(agent, number, {});
    await complaints.assignComplaint(agent, number, {
      unitId: unit(by === 'handler' ? 'pudong' : 'service'),
      assigneeId: userIds.get(by),
    });
    await complaints.startInvestigation(by === 'handler' ? handler : agent, number, {});
  };

  // 待受理
  const first = await register({
    title: '包裹三天未更新物流',
    content: '我的快递从上海发出后三天没有任何物流更新，客服电话一直打不通，请尽快给我一个说法。',
    categoryId: category('delay.transit'),
    waybillNo: 'KS100000000001',
  });
  // 已合并: she calls again about the same parcel; the agent folds the call into her complaint.
  const again = await register({
    title: '再次催件：包裹仍无物流',
    content: '上午已经投诉过，快递还是没有任何物流信息，再次催促尽快处理。',
    categoryId: category('delay.transit'),
    waybillNo: 'KS100000000001',
  });
  await complaints.acceptComplaint(agent, again.number, {});
  await complaints.mergeComplaint(agent, again.number, {
    into: first.number,
    reason: `与 ${first.number} 为同一快件的同一问题。`,
  });

  // 已受理: waiting for dispatch.
  const pickup = await register({
    title: '预约上门取件未到',
    content: '昨天预约了下午两点到四点上门取件，一直没有人来，也没有电话通知。',
    categoryId: category('pickup.missed'),
    demands: ['apology'],
    complainant: { name: '郑先生', phone: '13611112222', preferredContact: 'phone' },
  });
  await complaints.acceptComplaint(agent, pickup.number, {});

  // 已分派
  const damaged = await register({
    title: '外包装破损，内件损坏',
    content: '收到的包裹外包装破损严重，里面的陶瓷茶具碎了两个。要求赔偿。',
    categoryId: category('damage.contents.fragile'),
    waybillNo: 'KS100000000002',
    demands: ['compensation'],
    demandAmount: 30000,
    complainant: {
      name: '李先生',
      phone: '13912345678',
      email: 'li.customer@example.com',
      preferredContact: 'phone',
    },
  });
  await complaints.acceptComplaint(agent, damaged.number, {});
  await complaints.assignComplaint(agent, damaged.number, {
    unitId: unit('pudong'),
    assigneeId: userIds.get('handler'),
  });

  // 调查中
  const falseSign = await register({
    title: '未收到快递却显示已签收',
    content: '物流显示包裹已签收，但我本人和家人都没有收到，也没有放在门卫或驿站。',
    categoryId: category('delivery.falsesign'),
    waybillNo: 'KS100000000007',
    demands: ['reship', 'apology'],
    complainant: { name: '冯女士', phone: '13722223333', preferredContact: 'sms' },
  });
  await investigating(falseSign.number, 'handler');

  // 待补充材料
  const electronics = await register({
    title: '耳机盒内件缺失',
    content: '收到的耳机包装完好，但打开后少了一只耳机和充电线。',
    categoryId: category('lost.short'),
    waybillNo: 'KS100000000008',
    demands: ['compensation'],
    demandAmount: 59900,
    complainant: { name: '陈先生', phone: '13833334444', preferredContact: 'phone' },
  });
  await investigating(electronics.number, 'handler');
  await complaints.requestInformation(handler, electronics.number, {
    reason: '请提供开箱视频或内件照片，以及快递面单照片。',
  });

  // 待审批
  const pending = await register({
    title: '快递员未经同意放驿站',
    content: '快递员没有打电话就把包裹放到了驿站，我上班无法去取，要求送货上门并道歉。',
    categoryId: category('delivery.locker'),
    waybillNo: 'KS100000000003',
    demands: ['apology', 'compensation'],
    complainant: { name: '赵女士', phone: '13700001111', preferredContact: 'sms' },
  });
  await investigating(pending.number, 'agent');
  await complaints.recordJudgement(agent, pending.number, {
    liableParty: 'company',
    degree: 'full',
    responsibleUnitId: unit('pudong'),
    ...(partnerStation === null ? {} : { responsiblePartyId: partnerStation }),
    basis: '《快递服务》国家标准：未经收件人同意不得将快件投放智能快件箱或驿站。',
    validity: 'valid',
    validityKind: 'service_conduct',
  });
  await complaints.proposeRemedy(agent, pending.number, {
    kinds: ['apology', 'compensation'],
    amount: 5000,
    description: '致歉并补偿 50 元，安排快递员重新送货上门。',
  });

  // 已批准: the supervisor approved the station's compensation; the reply is still to be given.
  const lost = await register({
    title: '快件整件丢失',
    content: '寄给客户的样品一周没有送到，网点说找不到了，要求按价值赔偿。',
    categoryId: category('lost.whole'),
    waybillNo: 'KS100000000009',
    demands: ['compensation'],
    demandAmount: 8000,
    complainant: { name: '褚女士', phone: '13944445555', preferredContact: 'phone' },
  });
  await investigating(lost.number, 'handler');
  await complaints.recordJudgement(handler, lost.number, {
    liableParty: 'company',
    degree: 'full',
    responsibleUnitId: unit('pudong'),
    responsiblePerson: '快递员 周师傅（工号 K0217）',
    basis: '交接扫描显示快件在网点派送环节后无轨迹，网点确认遗失。',
    validity: 'valid',
    validityKind: 'business_error',
  });
  await complaints.proposeRemedy(handler, lost.number, {
    kinds: ['compensation', 'apology'],
    amount: 8000,
    description: '按声明价值赔偿 80 元并致歉。',
  });
  await complaints.approveRemedy(supervisor, lost.number, { comment: '同意按声明价值赔偿。' });

  // 已回复，待确认
  const fee = await register({
    title: '到付运费比报价高',
    content: '下单时报价 12 元，收件时快递员收了 20 元到付运费，要求退还差价。',
    categoryId: category('fees.freight'),
    demands: ['refund'],
    complainant: { name: '卫先生', phone: '13555556666', preferredContact: 'phone' },
  });
  await investigating(fee.number, 'agent');
  await complaints.recordJudgement(agent, fee.number, {
    liableParty: 'customer',
    degree: 'none',
    basis: '称重记录 3.2 公斤，寄件人下单时填写 1 公斤，续重费用计收正确。',
    validity: 'invalid',
    invalidReason: 'untrue_information',
  });
  await complaints.proposeRemedy(agent, fee.number, {
    kinds: ['explanation'],
    amount: 0,
    description: '向客户说明按实际重量计费的规则。',
  });
  await complaints.replyToCustomer(agent, fee.number, {
    method: 'phone',
    summary: '您反映到付运费比下单报价高。',
    actions: '核对称重记录：包裹实重 3.2 公斤，下单时填写 1 公斤，差价为续重费用。',
    result: '运费按实际重量计收，没有多收。',
    basis: '《快递服务价格表》续重计费规则。',
    followUp: '如对称重有异议，可在 7 天内申请复核。',
  });

  // 已解决: resolved on the call.
  await complaints.registerComplaint(agent, {
    channel: 'phone',
    complainant: { name: '孙先生', phone: '13600002222' },
    title: '查询运费差额',
    content: '寄件时收了 23 元，App 显示 18 元，想知道差额原因。',
    categoryId: category('fees.freight'),
    demands: ['explanation'],
    firstContact: {
      reply: {
        method: 'phone',
        summary: '客户询问运费与 App 显示不一致。',
        actions: '核对计费记录：包裹超重 0.5 公斤，加收续重费 5 元。',
        result: '已向客户解释，客户表示理解。',
        basis: '《快递服务价格表》续重计费规则。',
        followUp: '如有疑问可拨打客服热线或在 App 内留言。',
      },
    },
  });

  // 无效/不予受理
  const elsewhere = await register({
    title: '其他快递公司包裹丢失',
    content: '我的包裹丢了，运单号是别家快递公司的，要求你们赔偿。',
    categoryId: category('lost.whole'),
    demands: ['compensation'],
    complainant: { name: '蒋先生', phone: '13466667777', preferredContact: 'phone' },
  });
  await complaints.invalidateComplaint(agent, elsewhere.number, {
    reason: 'untrue_information',
    explanation: '运单号不属于本公司，经核实该快件未经本公司寄递。',
    reply: {
      method: 'phone',
      summary: '您反映包裹丢失并要求赔偿。',
      actions: '核对运单号：该运单号属于其他快递公司，本公司系统中没有该快件的寄递记录。',
      result: '不属于本公司承运的快件，本投诉不予受理。',
      basis: '《快递服务》国家标准：由承运企业处理其寄递快件的投诉。',
      followUp: '请联系承运该快件的快递公司，或向邮政管理部门申诉。',
    },
  });

  // 已撤诉
  const arrived = await register({
    title: '派送延误',
    content: '包裹比承诺时间晚了两天还没送到。',
    categoryId: category('delay.lastmile'),
    waybillNo: 'KS100000000010',
    complainant: { name: '沈女士', phone: '13377778888', preferredContact: 'sms' },
  });
  await complaints.acceptComplaint(agent, arrived.number, {});
  await complaints.withdrawComplaint(agent, arrived.number, { reason: '客户来电：包裹已送到，撤回投诉。' });

  // 已结案/归档, with its corrective action (整改: every valid complaint leads to one).
  const closed = await register({
    title: '快递员服务态度差',
    content: '快递员送件时态度恶劣，言语不文明。',
    categoryId: category('delivery.attitude'),
    staffComplained: '浦东网点 快递员 A',
    demands: ['apology'],
    complainant: { name: '周女士', phone: '13500003333' },
  });
  await investigating(closed.number, 'agent');
  await complaints.recordJudgement(agent, closed.number, {
    liableParty: 'company',
    degree: 'full',
    responsibleUnitId: unit('pudong'),
    responsibleUserId: userIds.get('handler'),
    basis: '通话录音证实快递员言语不当，违反《员工服务规范》第 3 条。',
    validity: 'valid',
    validityKind: 'service_conduct',
  });
  await complaints.proposeRemedy(agent, closed.number, {
    kinds: ['apology'],
    amount: 0,
    description: '网点负责人上门致歉。',
    internalActions: ['training'],
  });
  await complaints.replyToCustomer(agent, closed.number, {
    method: 'phone',
    summary: '您反映快递员服务态度差。',
    actions: '核实录音后，网点负责人已上门致歉，并对快递员进行了培训。',
    result: '责任在我司，已整改。',
    basis: '《员工服务规范》第 3 条。',
    followUp: '如再遇类似情况请拨打客服热线。',
  });
  await complaints.recordConfirmation(agent, closed.number, { outcome: 'satisfied' });
  await complaints.archiveComplaint(supervisor, closed.number, {});
  await createAction(executive, {
    kind: 'corrective',
    title: '浦东网点派送员服务用语培训',
    description: '派送员送件时言语不文明，引发有效投诉。',
    rootCause: '新入职派送员未完成服务规范培训，网点缺少上岗考核。',
    plan: '组织全体派送员服务规范培训并考核；每周抽查录音。',
    unitId: unit('pudong') ?? 0,
    categoryId: category('delivery.attitude'),
    ownerId: userIds.get('handler') ?? 0,
    dueAt: new Date(app.clock.now() + 14 * 24 * 3600_000).toISOString(),
    complaintNumbers: [closed.number],
  });

  // A major complaint referred by the regulator, with the manager.
  const major = await register({
    channel: 'regulator',
    referral: {
      number: 'SH-YZ-2026-11-0087',
      authority: '上海市邮政管理局',
      dueAt: new Date(app.clock.now() + 7 * 24 * 3600_000).toISOString(),
    },
    title: '贵重物品丢失（邮政管理局转办）',
    content: '寄递的笔记本电脑整件丢失，已向邮政管理局申诉。',
    categoryId: category('lost.whole'),
    waybillNo: 'KS100000000006',
    majorReasons: ['valuables_lost', 'government_referral'],
    demands: ['compensation'],
    demandAmount: 800000,
    complainant: { name: '吴先生', phone: '13300004444', email: 'wu@example.com' },
  });
  await complaints.acceptComplaint(manager, major.number, {});
  await complaints.assignComplaint(manager, major.number, {
    unitId: unit('nanshan'),
    assigneeId: userIds.get('handler2'),
  });
}
