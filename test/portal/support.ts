import type { Response } from '../support/client.js';
import type { TestApp } from '../support/test-app.js';

type Method = 'GET' | 'POST';

/** A visitor of the public portal from one IP address, optionally proving ownership with X-Kesu-Tracking. */
export function visitor(t: TestApp, remoteAddress: string, proof?: string) {
  const request = async (method: Method, path: string, payload?: unknown): Promise<Response> => {
    const res = await t.http.inject({
      method,
      url: `/api/v1/portal${path}`,
      remoteAddress,
      payload: payload as object | undefined,
      headers: proof ? { 'x-kesu-tracking': proof } : {},
    });
    const type = String(res.headers['content-type'] ?? '');
    return {
      status: res.statusCode,
      body: res.body && type.includes('json') ? JSON.parse(res.body) : res.body,
      headers: res.headers,
    };
  };
  return {
    get: (path: string) => request('GET', path),
    post: (path: string, body: unknown = {}) => request('POST', path, body),
    as: (otherProof: string) => visitor(t, remoteAddress, otherProof),
  };
}
export type Visitor = ReturnType<typeof visitor>;

/** What a customer types into the web form. */
export function webForm(t: TestApp, overrides: Record<string, unknown> = {}) {
  return {
    name: '周女士',
    phone: '13912340000',
    content: '快递显示已签收，但我本人没有收到包裹，也没有人联系我。\n请尽快核实并给我答复。',
    categoryId: t.org.categoryIds.get('delivery.falsesign'),
    waybillNo: 'SF20261125001',
    demands: ['explanation', 'compensation'],
    demandAmount: 5000,
    ...overrides,
  };
}

/** Raise the portal's limits and file web complaints at the customer service centre. */
export async function configurePortal(
  t: TestApp,
  admin: { ok(method: 'PUT', url: string, body: unknown): Promise<unknown> },
  overrides: Record<string, unknown> = {},
) {
  await admin.ok('PUT', '/api/v1/settings/portal', {
    submissionsPerMinute: 5,
    trackingPerMinute: 1000,
    codesPerDay: 10,
    intakeUnitId: t.org.unitIds.get('service'),
    ...overrides,
  });
}
