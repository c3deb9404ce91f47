import { ROLES } from '../../../src/domain/roles.js';
import type { DeclaredRoute } from '../../../src/server/access.js';
import { apiToken } from '../../support/client.js';
import type { TestApp } from '../../support/test-app.js';

/** Who calls: nobody in particular, the complainant on the portal, or a staff member holding one role. */
export interface Caller {
  name: string;
  kind: 'anonymous' | 'customer' | 'staff';
  role?: string;
  headers: Record<string, string>;
}

/** Anonymous, the portal customer of the complaint whose tracking token is given, and one staff member per role (by API token). */
export async function callers(t: TestApp, trackingToken: string): Promise<Caller[]> {
  const staff = await Promise.all(
    ROLES.map(async (role) => ({
      name: role,
      kind: 'staff' as const,
      role,
      headers: { authorization: `Bearer ${await apiToken(t, role)}` },
    })),
  );
  return [
    { name: 'anonymous', kind: 'anonymous', headers: {} },
    { name: 'portal customer', kind: 'customer', headers: { 'x-kesu-tracking': trackingToken } },
    ...staff,
  ];
}

/** Real rows to put in URLs, so that callers inside an operation reach its handler with something to act on. */
export class Fixtures {
  private constructor(private readonly values: Record<string, string>) {}

  static async of(t: TestApp, number: string): Promise<Fixtures> {
    const db = t.app.db;
    const complaint = await db
      .selectFrom('complaints')
      .select('customer_id')
      .where('number', '=', number)
      .executeTakeFirstOrThrow();
    const job = await db.selectFrom('jobs').select('id').orderBy('id').executeTakeFirst();
    const category = await db.selectFrom('categories').select('id').orderBy('id').executeTakeFirstOrThrow();
    // Revoking this one (admin, DELETE /api-tokens/:id) leaves the callers' own tokens working.
    await apiToken(t, 'executive');
    const spare = await db
      .selectFrom('api_tokens')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    return new Fixtures({
      number,
      customers: String(complaint.customer_id ?? 1),
      units: String(t.org.unitIds.get('service') ?? 1),
      users: String(t.org.userIds.get('agent') ?? 1),
      jobs: String(job?.id ?? 1),
      categories: String(category.id),
      'api-tokens': String(spare.id),
    });
  }

  /** The route's URL with each `:param` filled: the complaint's number, the id of a real row of the collection it names, else 1. */
  url(route: DeclaredRoute): string {
    const segments = route.url.split('/');
    return segments
      .map((segment, i) => {
        if (!segment.startsWith(':')) return segment;
        if (segment === ':number') return this.values.number;
        if (segment === ':id') return this.values[segments[i - 1] ?? ''] ?? '1';
        return 'x';
      })
      .join('/');
  }
}

export interface CallResult {
  status: number;
  code?: string;
  /** Refused by the role gate (server/access.ts): 403 naming the roles the operation needs. */
  gateRefusal: boolean;
}

/** The route called as the caller with the least a request can be: no query, an empty JSON object as body. */
export async function callRoute(
  t: TestApp,
  route: DeclaredRoute,
  caller: Caller,
  fixtures: Fixtures,
): Promise<CallResult> {
  const hasBody = !['GET', 'DELETE'].includes(route.method);
  const res = await t.http.inject({
    method: route.method as 'GET',
    url: fixtures.url(route),
    headers: { ...caller.headers, 'x-forwarded-for': '203.0.113.20' },
    ...(hasBody ? { payload: {} } : {}),
  });
  const json = String(res.headers['content-type'] ?? '').includes('json') ? res.json() : null;
  return {
    status: res.statusCode,
    code: json?.code,
    gateRefusal: res.statusCode === 403 && Array.isArray(json?.params?.roles),
  };
}
