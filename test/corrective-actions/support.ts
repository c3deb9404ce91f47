import type { RegisterInput } from '../../src/modules/complaints/schemas.js';
import type { Client } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import type { TestApp } from '../support/test-app.js';

export const DAY = 24 * 3600_000;
/** An instant given as Asia/Shanghai wall-clock time. */
export const shanghai = (local: string) => Date.parse(`${local}+08:00`);

/** Register a complaint (as the given manager-level user) at a unit, in a category; its number. */
export async function registerAt(
  t: TestApp,
  by: Client,
  unit: string,
  category: string,
  overrides: Partial<RegisterInput> = {},
): Promise<string> {
  const body = buildComplaint(t.org, {
    unitId: t.org.unitIds.get(unit),
    categoryId: t.org.categoryIds.get(category),
    ...overrides,
  });
  return (await by.ok('POST', '/api/v1/complaints', body)).number;
}

/** A valid action body for these complaints; override any field. */
export const actionBody = (t: TestApp, complaintNumbers: string[], dueAt: number, overrides = {}) => ({
  kind: 'corrective',
  title: '中转场分拣延误整改',
  description: '浦东网点中转包裹滞留超过 24 小时',
  rootCause: '夜班分拣人手不足，排班未覆盖高峰',
  plan: '增加夜班两名分拣员，每日核查滞留件清单',
  unitId: t.org.unitIds.get('pudong'),
  ownerId: t.org.userIds.get('handler'),
  dueAt: new Date(dueAt).toISOString(),
  complaintNumbers,
  ...overrides,
});

export async function timelineKinds(as: Client, number: string): Promise<string[]> {
  const { items } = await as.ok('GET', `/api/v1/complaints/${number}/timeline`);
  return items.map((e: { kind: string }) => e.kind);
}
