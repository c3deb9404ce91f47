import type { Status } from '../../src/domain/complaint-model.js';
import type { Action } from '../../src/modules/complaints/lifecycle.js';
import type { Client } from './client.js';
import { buildComplaint, judgement, remedy, reply } from './factories.js';
import type { TestApp } from './test-app.js';

/** A request that performs `action` successfully when the state and role allow it. */
export function actionRequest(
  t: TestApp,
  action: Action,
  openNumber: string,
): [method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown] {
  const reason = '测试原因';
  switch (action) {
    case 'update':
      return ['PATCH', '', { priority: 'P2' }];
    case 'accept':
      return ['POST', '/accept', {}];
    case 'assign':
      return ['POST', '/assign', { assigneeId: t.org.userIds.get('handler') }];
    case 'transfer':
      return ['POST', '/transfer', { unitId: t.org.unitIds.get('nanshan'), reason }];
    case 'start':
      return ['POST', '/start', {}];
    case 'request_info':
      return ['POST', '/request-info', { reason }];
    case 'resume':
      return ['POST', '/resume', {}];
    case 'judge':
      return ['PUT', '/judgement', judgement];
    case 'assess':
      return ['PUT', '/validity', { validity: 'valid', validityKind: 'minor_slip' }];
    case 'propose':
      return ['POST', '/remedies', remedy(100)];
    case 'approve':
      return ['POST', '/approve', {}];
    case 'reject':
      return ['POST', '/reject', { reason }];
    case 'reply':
      return ['POST', '/reply', reply()];
    case 'confirm':
      return ['POST', '/confirmation', { outcome: 'satisfied' }];
    case 'reopen':
      return ['POST', '/reopen', { reason }];
    case 'escalate':
      return ['POST', '/escalate', { reason }];
    case 'merge':
      return ['POST', '/merge', { into: openNumber, reason }];
    case 'withdraw':
      return ['POST', '/withdraw', { reason }];
    case 'invalidate':
      return ['POST', '/invalidate', { reason: 'harassment', explanation: reason, reply: reply() }];
    case 'archive':
      return ['POST', '/archive', {}];
    case 'watch':
      return ['PUT', '/watch', {}];
    case 'contact':
      return ['POST', '/contact-attempts', { outcome: 'reached' }];
    case 'fulfil':
      return ['POST', '/fulfilment', { outcome: 'cancelled', reason }];
  }
}

/**
 * Bring a new complaint (filed under the Pudong station, registered at the service centre, so every
 * demo user sees it) to `status`. `manager` may do everything; `agent` proposes above its limit.
 */
export async function complaintIn(
  t: TestApp,
  status: Status,
  manager: Client,
  agent: Client,
): Promise<string> {
  const { number } = await manager.ok(
    'POST',
    '/api/v1/complaints',
    buildComplaint(t.org, { unitId: t.org.unitIds.get('pudong') }),
  );
  const base = `/api/v1/complaints/${number}`;
  const step = (path: string, body: unknown = {}, by = manager, method: 'POST' | 'PUT' = 'POST') =>
    by.ok(method, `${base}${path}`, body);
  if (status === 'received') return number;
  if (status === 'invalid')
    return step('/invalidate', { reason: 'harassment', explanation: '恶意骚扰', reply: reply() }).then(
      () => number,
    );
  if (status === 'withdrawn') return step('/withdraw', { reason: '撤诉' }).then(() => number);
  if (status === 'merged') {
    const other = await complaintIn(t, 'received', manager, agent);
    return step('/merge', { into: other, reason: '重复' }).then(() => number);
  }
  await step('/accept');
  if (status === 'accepted') return number;
  await step('/assign', { assigneeId: t.org.userIds.get('handler') });
  if (status === 'assigned') return number;
  await step('/start');
  if (status === 'investigating') return number;
  if (status === 'waiting_customer') return step('/request-info', { reason: '补充材料' }).then(() => number);
  await step('/judgement', judgement, manager, 'PUT');
  if (status === 'proposed') return step('/remedies', remedy(5000), agent).then(() => number);
  await step('/remedies', remedy(5000));
  if (status === 'approved') return number;
  await step('/reply', reply());
  if (status === 'replied') return number;
  await step('/confirmation', { outcome: 'satisfied' });
  if (status === 'resolved') return number;
  await step('/archive');
  return number;
}
