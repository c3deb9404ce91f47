import { describe, expect, it } from 'vitest';
import { login } from '../support/client.js';
import { consoleAndBrowser, openPage, screenshot, signIn } from './support/browser.js';

const SAVE = /保\s*存/;

/** The admin lists' one building block (admin/crud): add, edit, refusals on fields, risky actions asked first. */
describe('the admin lists in Chromium', () => {
  const env = consoleAndBrowser();
  it('adds a unit, then edits it in the same dialog; the list follows', async () => {
    const w = await openPage(env.browser, env.server.baseUrl);
    const { page } = w;
    await signIn(page, 'admin');
    await page.goto('/admin/units');
    await page.getByRole('button', { name: '新建单位' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称', { exact: true }).fill('华南客服部');
    await dialog.getByRole('button', { name: SAVE }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('单位“华南客服部”已创建').waitFor();
    const row = page.getByRole('row', { name: /华南客服部/ });
    expect(await row.innerText()).toContain('部门');

    await row.getByRole('button', { name: /编\s*辑/ }).click();
    const edit = page.getByRole('dialog');
    await expect.poll(() => edit.getByLabel('名称', { exact: true }).inputValue()).toBe('华南客服部');
    await edit.getByLabel('名称', { exact: true }).fill('华南客服中心');
    await edit.getByLabel('英文名称').fill('South China Service');
    await edit.getByRole('button', { name: SAVE }).click();
    await edit.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: '华南客服中心' }).waitFor();
    await screenshot(page, 'admin-units');

    const admin = await login(env.server.http, 'admin');
    const units = (await admin.request('GET', '/api/v1/units')).body.items;
    expect(units.find((u: { name: string }) => u.name === '华南客服中心')).toMatchObject({
      nameEn: 'South China Service',
      kind: 'department',
      active: true,
    });
    w.expectClean();
    await w.context.close();
  });

  it("puts the server's refusal on the field it concerns and keeps the dialog open", async () => {
    const w = await openPage(env.browser, env.server.baseUrl);
    const { page } = w;
    await signIn(page, 'admin');
    await page.goto('/admin/users');
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名', { exact: true }).fill('short.pw');
    await dialog.getByLabel('姓名').fill('短密码');
    // Seven characters: only the server knows the rule (at least 8).
    await dialog.getByLabel('初始密码').fill('1234567');
    await dialog.getByLabel('所属单位').click();
    await page.locator('.ant-select-tree-title').first().click();
    await dialog.getByLabel('角色').click();
    await page.locator('.ant-select-item-option', { hasText: '客服坐席' }).click();
    await dialog.getByLabel('姓名').click();
    await dialog.getByRole('button', { name: SAVE }).click();
    const passwordItem = dialog.locator('.ant-form-item').filter({ has: page.getByLabel('初始密码') });
    await passwordItem.locator('.ant-form-item-explain-error').waitFor();
    expect(await passwordItem.locator('.ant-form-item-explain-error').innerText()).not.toBe('');
    expect(await dialog.isVisible()).toBe(true);
    await screenshot(page, 'admin-users-field-error');

    // A username already taken (409) is refused on its field too.
    await dialog.getByLabel('用户名', { exact: true }).fill('agent');
    await dialog.getByLabel('初始密码').fill('long-enough-1');
    await dialog.getByRole('button', { name: SAVE }).click();
    const usernameItem = dialog
      .locator('.ant-form-item')
      .filter({ has: page.getByLabel('用户名', { exact: true }) });
    await expect
      .poll(() => usernameItem.locator('.ant-form-item-explain-error').textContent())
      .toBe('用户名 agent 已存在');
    expect(await dialog.isVisible()).toBe(true);

    const admin = await login(env.server.http, 'admin');
    const users = (await admin.request('GET', '/api/v1/users')).body.items;
    expect(users.some((u: { username: string }) => u.username === 'short.pw')).toBe(false);
    // The refused requests are the only console errors.
    expect(w.errors.filter((e) => !/status of (400|409)/.test(e))).toEqual([]);
    await w.context.close();
  });

  it('asks before revoking a token: cancelled, it stays; confirmed, it is revoked', async () => {
    const admin = await login(env.server.http, 'admin');
    const users = (await admin.request('GET', '/api/v1/users')).body.items;
    const agent = users.find((u: { roles: string[] }) => u.roles.includes('agent'));
    await admin.ok('POST', '/api/v1/api-tokens', { name: '企业微信机器人', userId: agent.id });

    const w = await openPage(env.browser, env.server.baseUrl);
    const { page } = w;
    await signIn(page, 'admin');
    await page.goto('/admin/tokens');
    const row = page.getByRole('row', { name: /企业微信机器人/ });
    await row.getByRole('button', { name: /吊\s*销/ }).click();
    const ask = page.locator('.ant-popconfirm');
    await ask.getByText('吊销令牌“企业微信机器人”？', { exact: false }).waitFor();
    await ask.getByRole('button', { name: /取\s*消/ }).click();
    await ask.waitFor({ state: 'hidden' });
    const revokedAt = async () =>
      (await admin.request('GET', '/api/v1/api-tokens')).body.items.find(
        (t: { name: string }) => t.name === '企业微信机器人',
      ).revokedAt;
    expect(await revokedAt()).toBeNull();

    await row.getByRole('button', { name: /吊\s*销/ }).click();
    await ask.getByRole('button', { name: /吊\s*销/ }).click();
    await page.getByText('令牌“企业微信机器人”已吊销').waitFor();
    await expect.poll(() => row.innerText()).toContain('已吊销');
    expect(await revokedAt()).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    w.expectClean();
    await w.context.close();
  });
});
