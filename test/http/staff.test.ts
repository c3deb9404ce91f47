import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../support/client.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

for (const dialect of DIALECTS) {
  describe(`colleagues to assign to on ${dialect}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect);
    });
    afterAll(() => t.close());

    it('lists active staff with their unit and roles for any signed-in user, by unit subtree and role', async () => {
      const supervisor = await login(t.http, 'supervisor');
      const all = (await supervisor.ok('GET', '/api/v1/staff')).items;
      const names = all.map((s: { displayName: string }) => s.displayName);
      expect(names).toEqual(expect.arrayContaining(['陈坐席', '刘处理', '张主管']));
      // Neither the admin nor the system accounts of the portal and the mailbox are offered.
      expect(names).not.toContain('系统管理员');
      expect(all.every((s: { roles: string[] }) => !s.roles.includes('admin'))).toBe(true);
      expect(all[0]).not.toHaveProperty('email');

      const service = t.org.unitIds.get('service');
      const inService = (await supervisor.ok('GET', `/api/v1/staff?unitId=${service}&role=agent`)).items;
      expect(inService).toEqual([
        expect.objectContaining({ displayName: '陈坐席', unitId: service, roles: ['agent'] }),
      ]);
    });

    it('is refused to a visitor', async () => {
      expect((await t.http.inject({ url: '/api/v1/staff' })).statusCode).toBe(401);
    });
  });
}
