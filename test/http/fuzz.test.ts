/**
 * Every operation of /api/openapi.json called with inputs generated from its own schemas by
 * fast-check: schema-valid ones and schema-breaking ones (NUL, unpaired surrogates, very long text,
 * huge and negative numbers, NaN-like strings, forged cursors, wrong types, missing and unknown
 * fields). No answer may be a server error, and a refused write (4xx) must change nothing.
 * Each operation is called by a caller its access lets in (else only the gate would answer); the
 * portal's by an anonymous visitor and by the complaint's customer. Seeded, so a failure repeats.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/roles.js';
import type { DeclaredRoute } from '../../src/server/access.js';
import { configurePortal, visitor, webForm } from '../portal/support.js';
import { login } from '../support/client.js';
import { databaseState } from '../support/database-state.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';
import { type Caller, callers } from './support/callers.js';
import { FORGED_CURSORS, fromSchema, type Schema } from './support/schema-arbitrary.js';

const SEED = 20261203;
/** More with FUZZ_INPUTS=n, for a longer search than CI's. */
const INPUTS_PER_OPERATION = Number(process.env.FUZZ_INPUTS ?? 6);

interface Operation {
  route: DeclaredRoute;
  parameters: Array<{ name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema: Schema }>;
  body?: Schema;
}

interface Input {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

/** Operations that change who the callers are (their tokens, roles, units) run last, so that the rest run as intended. */
const LAST = new Set(['revokeApiToken', 'updateUser', 'updateUnit', 'logout']);

/** A value as it goes into a URL; a lone surrogate (which encodeURIComponent refuses) as the bytes a client would still send. */
function inUrl(value: unknown): string {
  const text =
    typeof value === 'string' ? value : Array.isArray(value) ? value.join(',') : JSON.stringify(value);
  return text.replace(/[\s\S]/gu, (ch) => {
    try {
      return encodeURIComponent(ch);
    } catch {
      return '%ED%A0%80';
    }
  });
}

function inputs(op: Operation, index: number, number: string): Input[] {
  const part = (where: 'path' | 'query', breaking: boolean) =>
    fc.record(
      Object.fromEntries(
        op.parameters
          .filter((p) => p.in === where)
          .map((p) => {
            let value = fromSchema(p.schema, breaking);
            if (p.name === 'number') value = fc.oneof(fc.constant(number), value);
            if (p.name === 'cursor') value = fc.oneof(fc.constantFrom(...FORGED_CURSORS), value);
            return [p.name, value];
          }),
      ),
      {
        requiredKeys: op.parameters
          .filter((p) => p.in === where && (p.required || where === 'path'))
          .map((p) => p.name),
      },
    );
  const input = (breaking: boolean) =>
    fc.record({
      path: part('path', false).chain((valid) => (breaking ? part('path', true) : fc.constant(valid))),
      query: part('query', breaking),
      body: op.body ? fromSchema(op.body, breaking) : fc.constant(undefined),
    }) as fc.Arbitrary<Input>;
  return fc.sample(fc.oneof(input(false), input(true)), {
    seed: SEED + index,
    numRuns: INPUTS_PER_OPERATION,
  });
}

function url(op: Operation, input: Input): string {
  const path = op.route.url.replace(/:(\w+)/g, (_, name: string) => inUrl(input.path[name] ?? 'x'));
  const query = Object.entries(input.query)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${inUrl(v)}`)
    .join('&');
  return query ? `${path}?${query}` : path;
}

/** Who sends the operation's inputs: for the portal, a visitor and the customer in turn; else a role it admits. */
function sendersOf(route: DeclaredRoute, everyone: Caller[]): Caller[] {
  const by = (name: string) => everyone.find((c) => c.name === name) as Caller;
  const access = route.access;
  if (route.url.startsWith('/api/v1/portal/')) return [by('anonymous'), by('portal customer')];
  if (access === 'public' || access === 'signed_in' || !access) return [by('admin')];
  if (access === 'customer') return [by('portal customer')];
  const roles = access as readonly Role[];
  return [
    by(roles.includes('admin') ? 'admin' : roles.includes('manager') ? 'manager' : (roles[0] as string)),
  ];
}

for (const dialect of DIALECTS)
  describe(`fuzzing every operation on ${dialect}`, () => {
    let t: TestApp;
    let everyone: Caller[];
    let number: string;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      const admin = await login(t.http, 'admin');
      await configurePortal(t, admin, { submissionsPerMinute: 1000, trackingPerMinute: 1000 });
      const filed = await visitor(t, '203.0.113.30').post('/complaints', webForm(t));
      number = filed.body.number;
      everyone = await callers(t, filed.body.trackingToken);
    }, 120_000);
    afterAll(() => t.close());

    it('answers no input with a server error, and refused writes change nothing', async () => {
      const doc = (await t.http.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
        paths: Record<
          string,
          Record<
            string,
            {
              operationId: string;
              parameters?: Operation['parameters'];
              requestBody?: { content: Record<string, { schema: Schema }> };
            }
          >
        >;
      };
      const described = new Map(
        Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => [o.operationId, o] as const)),
      );
      const operations: Operation[] = t.http.declaredRoutes
        .map((route) => {
          const o = described.get(route.operationId ?? '');
          return {
            route,
            parameters: o?.parameters ?? [],
            body: o?.requestBody?.content['application/json']?.schema,
          };
        })
        .sort(
          (a, b) => Number(LAST.has(a.route.operationId ?? '')) - Number(LAST.has(b.route.operationId ?? '')),
        );

      const serverErrors: string[] = [];
      const changedByRefusal: string[] = [];
      let sent = 0;
      let known: Record<string, number> | null = null;
      for (const [index, op] of operations.entries()) {
        const senders = sendersOf(op.route, everyone);
        for (const [i, input] of inputs(op, index, number).entries()) {
          const caller = senders[i % senders.length] as Caller;
          const write = op.route.method !== 'GET';
          // The state after the last refused request, when nothing has succeeded since: fewer queries.
          const before = write ? (known ?? (await databaseState(t.app.db))) : null;
          const target = url(op, input);
          const res = await t.http.inject({
            method: op.route.method as 'GET',
            url: target,
            headers: { ...caller.headers, 'x-forwarded-for': '203.0.113.31' },
            ...(input.body !== undefined
              ? {
                  payload: JSON.stringify(input.body),
                  headers: { ...caller.headers, 'content-type': 'application/json' },
                }
              : {}),
          });
          sent++;
          const what = `${op.route.method} ${target.slice(0, 200)} as ${caller.name} → ${res.statusCode}`;
          if (res.statusCode >= 500)
            serverErrors.push(
              `${what}: ${res.body.slice(0, 300)} body ${JSON.stringify(input.body)?.slice(0, 300)}`,
            );
          if (res.statusCode < 400) known = null;
          else if (before && res.statusCode < 500) {
            const after = await databaseState(t.app.db);
            const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
            if (changed.length) changedByRefusal.push(`${what} changed ${changed.join(', ')}`);
            known = after;
          }
        }
      }
      console.log(
        `fuzz ${dialect}: ${operations.length} operations × ${INPUTS_PER_OPERATION} inputs, ${serverErrors.length} server errors (${sent} requests)`,
      );
      expect(serverErrors).toEqual([]);
      expect(changedByRefusal).toEqual([]);
    }, 600_000);
  });
