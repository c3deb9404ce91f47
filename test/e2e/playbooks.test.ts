import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { login } from '../support/client.js';
import { consoleAndBrowser, label, openPage, screenshot, signIn } from './support/browser.js';
import { typeInto } from './support/keyboard.js';
import { chooseCategory, startRegistration } from './support/register.js';

/** Kept in the repository: the evidence for issue 13 that a major complaint carries its playbook. */
const EVIDENCE = resolve(import.meta.dirname, '../../docs/evidence/issue-13');

describe('playbooks (处置清单) in the console', () => {
  const env = consoleAndBrowser();

  it('shows the guidance and the playbook at registration, then ticks the steps on the complaint page', async () => {
    const agentPage = await openPage(env.browser, env.server.baseUrl);
    const { page } = agentPage;
    await startRegistration(page, '13700001111', '周女士');
    await typeInto(page, '标题', '快递员派件时撞伤顾客');
    await page.keyboard.press('Tab');
    await page.keyboard.type('派件电动车在小区门口撞到我，膝盖受伤，要求赔偿医药费。');
    await chooseCategory(page, '派送延误');
    // The category's first response (its parent 延误's guidance) is shown beside the form.
    await expect
      .poll(() => page.getByTestId('first-response-guidance').textContent())
      .toContain('查询物流轨迹');
    await page.getByRole('checkbox', { name: '人身伤害' }).check();
    await expect
      .poll(() => page.getByTestId('first-response-playbooks').textContent())
      .toContain('人身伤害处置');
    await screenshot(page, 'playbook-registration');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('register-result').waitFor();
    const number = (await page.getByTestId('registered-number').textContent())?.trim() ?? '';
    agentPage.expectClean();

    const w = await openPage(env.browser, env.server.baseUrl);
    await signIn(w.page, 'manager');
    await w.page.goto(`/complaints/${number}`);
    const card = w.page.getByTestId('complaint-checklist');
    await card.waitFor();
    expect(await card.textContent()).toContain('人身伤害处置');
    await expect.poll(() => card.getByTestId('checklist-progress').textContent()).toBe('必办 0/5');
    for (const step of ['征得顾客或家属同意后立即送医检查', '记录伤情', '拍照留存现场和伤处']) {
      await card
        .locator('[data-testid^="checklist-step-"]', { hasText: step })
        .getByRole('button', { name: label('完成') })
        .click();
      await expect
        .poll(() => card.locator('[data-testid^="checklist-step-"]', { hasText: step }).textContent())
        .toContain('李经理');
    }
    await expect.poll(() => card.getByTestId('checklist-progress').textContent()).toBe('必办 3/5');
    // Undoing a step asks why; the history keeps the reason.
    await card
      .locator('[data-testid^="checklist-step-"]', { hasText: '拍照留存现场和伤处' })
      .getByRole('button', { name: label('撤销') })
      .click();
    const dialog = w.page.getByRole('dialog');
    await dialog.getByRole('textbox').fill('照片不清楚，需重拍');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => card.getByTestId('checklist-progress').textContent()).toBe('必办 2/5');
    const timeline = w.page.getByTestId('complaint-timeline');
    await expect.poll(() => timeline.textContent()).toContain('撤销清单步骤');
    expect(await timeline.textContent()).toContain('拍照留存现场和伤处');
    expect(await card.textContent()).toContain('需收集材料: 现场照片、伤处照片');
    const manager = await login(env.server.http, 'manager');
    const history = await manager.ok('GET', `/api/v1/complaints/${number}/timeline`);
    expect(history.items.at(-1)).toMatchObject({
      kind: 'checklist_step_unticked',
      comment: '照片不清楚，需重拍',
    });

    mkdirSync(EVIDENCE, { recursive: true });
    // The complaint's head (graded 重大) down to the end of its checklist, without the passing toasts.
    await w.page.reload();
    await expect.poll(() => card.getByTestId('checklist-progress').textContent()).toBe('必办 2/5');
    const box = await card.boundingBox();
    if (!box) throw new Error('the checklist is not shown');
    await w.page.screenshot({
      path: join(EVIDENCE, 'playbook.png'),
      fullPage: true,
      clip: { x: box.x - 16, y: 0, width: 1440 - (box.x - 16), height: box.y + box.height + 16 },
    });
    await screenshot(w.page, 'playbook-complaint-page');
    w.expectClean();
  });

  it('lets the admin edit playbooks and guidance', async () => {
    const w = await openPage(env.browser, env.server.baseUrl);
    await signIn(w.page, 'admin');
    await w.page.goto('/admin/playbooks');
    const row = w.page.getByRole('row', { name: /媒体曝光应对/ });
    await row.getByRole('button', { name: label('编辑') }).click();
    const dialog = w.page.getByRole('dialog');
    await dialog.getByLabel('名称（中文）').fill('媒体曝光应对预案');
    await dialog.getByRole('button', { name: /添加步骤/ }).click();
    const added = dialog.getByTestId('playbook-step-4');
    await added.getByLabel('步骤（中文）').fill('事后复盘');
    await added.getByLabel('步骤（英文）').fill('Review afterwards');
    await dialog.getByRole('button', { name: /保\s*存|确\s*定/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await w.page.getByRole('row', { name: /媒体曝光应对预案/ }).waitFor();
    const admin = await login(env.server.http, 'admin');
    const media = (await admin.ok('GET', '/api/v1/playbooks')).items.find(
      (p: { nameZh: string }) => p.nameZh === '媒体曝光应对预案',
    );
    expect(media.steps.at(-1)).toMatchObject({ textZh: '事后复盘', required: true, documents: [] });
    await expect.poll(() => w.page.locator('body').textContent()).toContain('查询物流轨迹');
    await screenshot(w.page, 'playbooks-admin');
    w.expectClean();
  });
});
