import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { PASSWORD } from '../support/test-app.js';
import { consoleAndBrowser, label, openPage, screenshot, signIn } from './support/browser.js';

/** A code for the next time step: the enrolment used the current one, and a code is good once. */
const nextCode = (secret: string) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + 30_000 });

describe('two-step sign-in in Chromium', () => {
  const env = consoleAndBrowser();

  it('enrols an authenticator from the Account security page, then asks for its code at sign-in', async () => {
    const w = await openPage(env.browser, env.server.baseUrl);
    await signIn(w.page, 'manager');
    await w.page.getByTestId('current-user').click();
    await w.page.getByRole('menuitem', { name: '账号安全' }).click();
    await w.page.waitForURL('**/security');
    await w.page.getByRole('button', { name: '启用两步验证' }).click();
    await expect.poll(() => w.page.getByTestId('totp-qr').locator('canvas').count()).toBe(1);
    const secret = ((await w.page.getByTestId('totp-secret').textContent()) ?? '').trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await screenshot(w.page, 'totp-enrolment');
    await w.page
      .getByTestId('totp-confirm')
      .getByLabel('验证码')
      .fill(TOTP.generate({ secret: Secret.fromBase32(secret) }));
    await w.page.getByRole('button', { name: label('完成绑定') }).click();
    await expect.poll(() => w.page.getByText('已开启').count()).toBe(1);
    // The sessions list shows this one, marked.
    await expect.poll(() => w.page.getByText('当前会话').count()).toBe(1);
    w.expectClean();

    // Signed out, the password alone is not enough: the second step asks for the code.
    await w.page.getByRole('button', { name: /退出登录/ }).click();
    await w.page.waitForURL('**/login');
    await w.page.getByLabel('用户名').fill('manager');
    await w.page.getByLabel('密码').fill(PASSWORD);
    await w.page.getByRole('button', { name: label('登录') }).click();
    const code = w.page.getByLabel('验证码');
    await code.waitFor();
    await code.fill('000000');
    await w.page.getByRole('button', { name: label('验证') }).click();
    await expect.poll(() => w.page.getByRole('alert').textContent()).toContain('验证码不正确');
    await screenshot(w.page, 'totp-sign-in-step');
    await code.fill(nextCode(secret));
    await w.page.getByRole('button', { name: label('验证') }).click();
    await w.page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await expect.poll(() => w.page.getByTestId('current-user').textContent()).toBe('李经理');
    // The refused code's 401 is the only error the browser may report.
    expect(w.errors.filter((e) => !e.includes('401'))).toEqual([]);
    await w.context.close();
  });

  it('lets the admin reset the second factor from the users tab', async () => {
    const w = await openPage(env.browser, env.server.baseUrl);
    await signIn(w.page, 'admin');
    await w.page.goto('/admin/users');
    await w.page.getByTestId('user-security-manager').click();
    const dialog = w.page.getByRole('dialog');
    await expect.poll(() => dialog.getByText('已开启').count()).toBe(1);
    await dialog.getByRole('button', { name: '重置两步验证' }).click();
    await w.page.getByRole('tooltip').getByRole('button', { name: '重置两步验证' }).click();
    await expect.poll(() => dialog.getByText('未开启').count()).toBe(1);
    await screenshot(w.page, 'admin-user-security');
    w.expectClean();
    await w.context.close();
  });
});
