import type { Client } from '../support/client.js';
import { buildComplaint, judgement, remedy, reply } from '../support/factories.js';
import type { TestApp } from '../support/test-app.js';

/** An instant given as Asia/Shanghai wall-clock time. */
export const shanghai = (local: string) => Date.parse(`${local}+08:00`);

/** Distinctive personal values: none of them may ever appear in a public answer. */
export const PEOPLE = [
  {
    name: '欧阳晓燕',
    phone: '13912345678',
    email: 'ouyang.xiaoyan@example.cn',
    waybill: 'SF9876543210',
    order: 'JD20260313001',
    address: '上海市浦东新区张江路88弄6号1203室',
  },
  {
    name: '司马长风',
    phone: '13687654321',
    email: 'sima.changfeng@example.com',
    waybill: 'YT5566778899',
    order: 'TB77889900112',
    address: '深圳市南山区科技园南区粤海街道9栋',
  },
];
export type Person = (typeof PEOPLE)[number];

/**
 * A complaint of this person, judged against the company, with an approved apology and compensation,
 * replied to and confirmed: resolved. Its number.
 */
export async function resolvedComplaint(
  t: TestApp,
  manager: Client,
  p: Person,
  receivedAt?: string,
): Promise<string> {
  const { number } = await manager.ok(
    'POST',
    '/api/v1/complaints',
    buildComplaint(t.org, {
      unitId: t.org.unitIds.get('pudong'),
      complainant: { name: p.name, phone: p.phone, email: p.email, preferredContact: 'phone' },
      title: `${p.name}的包裹延误`,
      content: `我住在${p.address}，电话${p.phone}，运单${p.waybill}三天没有更新。`,
      waybillNo: p.waybill,
      orderNo: p.order,
      ...(receivedAt ? { receivedAt } : {}),
    }),
  );
  const step = (path: string, body: unknown = {}, method: 'POST' | 'PUT' = 'POST') =>
    manager.ok(method, `/api/v1/complaints/${number}${path}`, body);
  await step('/accept');
  await step('/assign', { assigneeId: t.org.userIds.get('handler') });
  await step('/start');
  await step('/judgement', { ...judgement, basis: `${p.name}的运单${p.waybill}在中转场滞留。` }, 'PUT');
  await step('/remedies', remedy(5000, { description: `向${p.name}致歉并补偿` }));
  await step('/reply', reply({ summary: `${p.name}您好，您反映的运单${p.waybill}延误。` }));
  await step('/confirmation', { outcome: 'satisfied' });
  return number;
}
