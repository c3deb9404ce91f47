import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Dataset, NOV, writeDataset } from '../assessment/dataset.js';
import { consoleAndBrowser, openPage, signIn } from './support/browser.js';

/** Kept in the repository: the evidence for issue 14 of the assessment sheets. */
const EVIDENCE = resolve(import.meta.dirname, '../../docs/evidence/issue-14');
const DAY = 86_400_000;
const HOUR = 3_600_000;
const NOVEMBER = 'from=2026-11&to=2026-11';

const complaint = (
  n: number,
  overrides: Partial<Dataset['complaints'][number]>,
): Dataset['complaints'][number] => ({
  unit: 'pudong',
  receivedAt: NOV + n * DAY,
  registeredAfter: 10 * 60_000,
  grade: 'general',
  staffComplained: null,
  assignee: 'handler',
  judgement: null,
  resolution: NOV + n * DAY + (6 + n) * HOUR,
  reopenCount: 0,
  confirmation: 'satisfied',
  deadlines: {
    first_response: { dueIn: HOUR, met: 'early', breached: false },
    reply: { dueIn: 4 * HOUR, met: 'early', breached: false },
  },
  survey: { speed: 4, effectiveness: 5, attitude: 5, transparency: 4, recommendation: 9 },
  remedies: [],
  ...overrides,
});

/** November at the Pudong station: the handler resolved five complaints; one valid service complaint is against them. */
const november: Dataset = {
  complaints: [
    complaint(1, {
      staffComplained: 'handler',
      judgement: {
        at: NOV + 2 * DAY,
        person: 'handler',
        unit: 'pudong',
        valid: true,
        kind: 'service_conduct',
      },
      remedies: [{ amount: 5000, status: 'approved', fulfilment: 'done' }],
      deadlines: { first_response: { dueIn: HOUR, met: 'late', breached: true } },
      survey: { speed: 2, effectiveness: 3, attitude: 2, transparency: 3, recommendation: 4 },
    }),
    complaint(2, { reopenCount: 1, confirmation: 'unsatisfied' }),
    complaint(3, { resolution: 'first_contact' }),
    complaint(4, {}),
    complaint(5, { assignee: 'handler2', unit: 'nanshan' }),
  ],
  checks: [],
  volumes: [{ unit: 'pudong', period: '2026-11', parcels: 12_000, orders: null }],
};

describe('assessment (考核) in the console', () => {
  const env = consoleAndBrowser();

  it('shows a handler their sheet with the lines of the score, and an executive the unit with its people', async () => {
    await writeDataset(env.server.app.db, env.server.org, november);
    mkdirSync(EVIDENCE, { recursive: true });

    const handler = await openPage(env.browser, env.server.baseUrl);
    await signIn(handler.page, 'handler');
    await handler.page.goto(`/assessment?${NOVEMBER}`);
    const sheet = handler.page.getByTestId('assessment-page');
    await expect.poll(() => sheet.getByTestId('valid').textContent()).toContain('1');
    const text = (await sheet.textContent()) ?? '';
    for (const words of [
      '我的考核',
      '作为责任人',
      '作为处理人',
      '有效投诉：服务类',
      '环节按时率',
      '85.7%（目标 95.0%）',
      '重新处理',
      '客户不满意',
      '高满意度',
      '得分明细',
    ])
      expect(text).toContain(words);
    // 100 − 10 (service conduct) − 9.29 (6 of 7 stages on time: 85.71 % against 95 %) − 10 (a quarter
    // reopened, capped) − 10 (a quarter unsatisfied, capped) + 5 (3 of 4 surveys recommending, capped)
    expect(await sheet.getByTestId('score').textContent()).toContain('65.71');
    await handler.page.screenshot({ path: join(EVIDENCE, 'assessment-sheet.png'), fullPage: true });
    handler.expectClean();

    const executive = await openPage(env.browser, env.server.baseUrl);
    await signIn(executive.page, 'executive');
    await executive.page.goto(`/assessment/units?unit=${env.server.org.unitIds.get('east')}&${NOVEMBER}`);
    const unit = executive.page.getByTestId('unit-assessment-page');
    await unit.getByRole('link', { name: '刘处理' }).waitFor();
    expect(await unit.textContent()).toContain('每万件有效投诉');
    await executive.page.screenshot({ path: join(EVIDENCE, 'unit-assessment.png'), fullPage: true });
    await unit.getByRole('link', { name: '刘处理' }).click();
    await expect
      .poll(() => executive.page.getByTestId('assessment-page').textContent())
      .toContain('刘处理 的考核');
    // In English the people's units are named in English.
    await executive.page.getByTestId('language').click();
    await executive.page.goBack();
    await expect.poll(() => unit.textContent()).toContain('Pudong Station');
    expect(await unit.textContent()).not.toContain('浦东网点');
    await unit.getByRole('link', { name: '刘处理' }).click();
    await expect
      .poll(() => executive.page.getByTestId('assessment-page').textContent())
      .toContain('刘处理 · Pudong Station');
    executive.expectClean();
  });

  it('shows the admin the loaded volumes and the scoring rules', async () => {
    const admin = await openPage(env.browser, env.server.baseUrl);
    await signIn(admin.page, 'admin');
    await admin.page.goto('/admin/volumes');
    const volumes = admin.page.getByTestId('volumes-tab');
    await expect.poll(() => volumes.textContent()).toContain('浦东网点');
    expect(await volumes.textContent()).toContain('12000');
    await admin.page.goto('/admin/assessment-rules');
    const rules = admin.page.getByTestId('rules-form');
    await rules.waitFor();
    expect(await rules.textContent()).toContain('每件有效投诉扣分');
    expect(Number(await rules.getByLabel('服务类').inputValue())).toBe(10);
    // Targets are per cent on the form, 0–1 in the rules.
    const onTimeTarget = rules.getByLabel('环节按时率低于目标：扣 目标');
    expect(await onTimeTarget.inputValue()).toBe('95');
    await onTimeTarget.fill('90');
    await rules.getByRole('button', { name: /保\s*存/ }).click();
    await admin.page.getByText('考核规则已保存').waitFor();
    const saved = await admin.page.evaluate(() => fetch('/api/v1/assessment/rules').then((r) => r.json()));
    expect(saved.rates.onTime).toEqual({ target: 0.9, points: 1, max: 20 });
    // 申诉期限 beside the rules it lets staff appeal.
    const window = admin.page.getByLabel('可申诉天数（自然日）');
    await expect.poll(() => window.inputValue()).toBe('7');
    await window.fill('10');
    await admin.page
      .locator('form')
      .filter({ has: window })
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await expect
      .poll(() => admin.page.evaluate(() => fetch('/api/v1/settings/appeals').then((r) => r.json())))
      .toEqual({ windowDays: 10 });
    admin.expectClean();
  });
});
