/**
 * Who may call what, from the declarations (each endpoint's `access`) and the OpenAPI document: every
 * operation × {anonymous, a portal customer, each role}, called for real. Callers outside an
 * operation's access are refused (401/403; the portal's 404 `tracking_denied` on a customer's route)
 * and change nothing; callers inside never meet the role gate, nor the module's own refusal of their
 * role (a declaration wider than the module's check). The declarations are held to the
 * permission tables where there is one, and all of them to access-matrix.snapshot.md, which a
 * reviewer updates deliberately (`npx vitest run test/http/access-matrix.test.ts -u`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/domain/roles.js';
import { PERMISSIONS } from '../../src/modules/complaints/index.js';
import { CUSTOMER_PERMISSIONS } from '../../src/modules/customers/index.js';
import type { DeclaredRoute } from '../../src/server/access.js';
import type { Access } from '../../src/server/endpoint.js';
import { configurePortal, visitor, webForm } from '../portal/support.js';
import { login } from '../support/client.js';
import { databaseState } from '../support/database-state.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';
import { type Caller, callers, callRoute, Fixtures } from './support/callers.js';

/** Operations whose module checks a permission table: their access must be exactly the roles holding it. */
const COMPLAINT_PERMISSION: Record<string, string> = {
  getComplaint: 'read',
  getComplaintTimeline: 'read',
  listEvidence: 'read',
  downloadEvidence: 'read',
  listCases: 'read',
  listOfferedScripts: 'read',
  exportComplaints: 'read',
  registerComplaint: 'register',
  importComplaints: 'register',
  updateComplaint: 'update',
  requestExtension: 'update',
  linkComplaint: 'update',
  watchComplaint: 'watch',
  unwatchComplaint: 'watch',
  addEvidence: 'add_evidence',
  addComplaintMessage: 'message',
  markCase: 'curate_case',
  unmarkCase: 'curate_case',
  acceptComplaint: 'accept',
  assignComplaint: 'assign',
  transferComplaint: 'transfer',
  startInvestigation: 'start',
  requestInformation: 'request_info',
  resumeInvestigation: 'resume',
  recordJudgement: 'judge',
  assessValidity: 'assess',
  proposeRemedy: 'propose',
  approveRemedy: 'approve',
  rejectRemedy: 'reject',
  replyToCustomer: 'reply',
  recordConfirmation: 'confirm',
  reopenComplaint: 'reopen',
  escalateComplaint: 'escalate',
  recordContactAttempt: 'contact',
  mergeComplaint: 'merge',
  withdrawComplaint: 'withdraw',
  invalidateComplaint: 'invalidate',
  archiveComplaint: 'archive',
  getChecklist: 'read',
  tickChecklistStep: 'update',
  recordFulfilment: 'fulfil',
};
const CUSTOMER_PERMISSION: Record<string, keyof typeof CUSTOMER_PERMISSIONS> = {
  listCustomers: 'read',
  getCustomer: 'read',
  listCustomerComplaints: 'read',
  getCustomerTimeline: 'read',
  createCustomer: 'write',
  updateCustomer: 'write',
};

const holders = (permission: string) =>
  ROLES.filter((r) => (PERMISSIONS[r] as readonly string[]).includes(permission));
const describeAccess = (access: Access) =>
  typeof access === 'string' ? access : [...access].sort().join(' ');

/** The declarations as a reviewer reads them: one operation a line. */
function accessTable(routes: DeclaredRoute[]): string {
  const lines = routes
    .map((r) => `| ${r.method} ${r.url} | ${r.operationId} | ${r.access ? describeAccess(r.access) : '—'} |`)
    .sort();
  return ['| operation | operationId | access |', '|---|---|---|', ...lines, ''].join('\n');
}

/** Is the caller inside the access? */
function inside(access: Access, caller: Caller): boolean {
  if (access === 'public') return true;
  if (access === 'customer') return caller.kind === 'customer';
  if (access === 'signed_in') return caller.kind !== 'anonymous';
  return caller.kind === 'staff' && access.includes(caller.role as Role);
}

for (const dialect of DIALECTS)
  describe(`the role × route matrix on ${dialect}`, () => {
    let t: TestApp;
    let fixtures: Fixtures;
    let everyone: Caller[];

    beforeAll(async () => {
      t = await startTestApp(dialect);
      const admin = await login(t.http, 'admin');
      await configurePortal(t, admin, { submissionsPerMinute: 1000, trackingPerMinute: 1000 });
      const filed = await visitor(t, '203.0.113.10').post('/complaints', webForm(t));
      expect(filed.status).toBe(201);
      fixtures = await Fixtures.of(t, filed.body.number);
      everyone = await callers(t, filed.body.trackingToken);
    }, 120_000);
    afterAll(() => t.close());

    it('has a declared access for every route of the API and every operation of the OpenAPI document', async () => {
      const routes = t.http.declaredRoutes;
      expect(routes.filter((r) => !r.access || !r.operationId).map((r) => `${r.method} ${r.url}`)).toEqual(
        [],
      );
      const doc = (await t.http.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
        paths: Record<string, Record<string, { operationId: string }>>;
      };
      const documented = Object.values(doc.paths).flatMap((ops) =>
        Object.values(ops).map((o) => o.operationId),
      );
      expect(documented.sort()).toEqual(routes.map((r) => r.operationId).sort());
    });

    it('declares exactly the roles of the permission tables, and the rest as the reviewed snapshot says', async () => {
      const routes = t.http.declaredRoutes;
      const wrong: string[] = [];
      for (const r of routes) {
        const permission = COMPLAINT_PERMISSION[r.operationId ?? ''];
        const customerPermission = CUSTOMER_PERMISSION[r.operationId ?? ''];
        const expected = permission
          ? holders(permission)
          : customerPermission
            ? [...CUSTOMER_PERMISSIONS[customerPermission]]
            : null;
        if (expected && describeAccess(r.access ?? 'public') !== describeAccess(expected))
          wrong.push(
            `${r.operationId}: declares ${describeAccess(r.access ?? 'public')}, the table says ${describeAccess(expected)}`,
          );
      }
      expect(wrong).toEqual([]);
      await expect(accessTable(routes)).toMatchFileSnapshot('./access-matrix.snapshot.md');
    });

    it('refuses every caller outside an operation’s access without a change, and lets every caller inside past the gate', async () => {
      const routes = t.http.declaredRoutes;
      const mismatches: string[] = [];
      for (const route of routes) {
        const access = route.access as Access;
        for (const caller of everyone) {
          const before = inside(access, caller) ? null : await databaseState(t.app.db);
          const res = await callRoute(t, route, caller, fixtures);
          const what = `${route.method} ${route.url} as ${caller.name}: ${res.status} ${res.code ?? ''}`;
          if (before) {
            const refused =
              access === 'customer'
                ? res.status === 404 && res.code === 'tracking_denied'
                : [401, 403].includes(res.status);
            if (!refused) mismatches.push(`${what} (outside ${describeAccess(access)}, not refused)`);
            const after = await databaseState(t.app.db);
            if (JSON.stringify(after) !== JSON.stringify(before))
              mismatches.push(`${what} changed the database`);
          } else if (res.status === 401 || res.gateRefusal) {
            mismatches.push(`${what} (inside ${describeAccess(access)}, refused by the gate)`);
          } else if (res.code === 'forbidden') {
            // The module refused the role itself: the declaration is wider than what the module allows.
            mismatches.push(`${what} (inside ${describeAccess(access)}, refused by the module for the role)`);
          }
        }
      }
      console.log(
        `access matrix: ${routes.length} operations × ${everyone.length} callers, ${mismatches.length} mismatches`,
      );
      expect(mismatches).toEqual([]);
    }, 300_000);
  });
