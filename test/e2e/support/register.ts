import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { signIn } from './browser.js';
import { tabTo } from './keyboard.js';

/** The category by keyboard: the cascader searches what is typed, ArrowDown and Enter take the first match. */
export async function chooseCategory(page: Page, search: string): Promise<void> {
  await tabTo(page, '分类');
  await page.keyboard.type(search);
  await page
    .getByRole('menuitemcheckbox', { name: new RegExp(search) })
    .first()
    .waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('register-form').innerText()).toContain(search);
}

/** The agent on a fresh registration form, the focus on the phone number; typed: the number, then the name. */
export async function startRegistration(page: Page, phone?: string, name?: string): Promise<void> {
  await signIn(page, 'agent');
  await page.goto('/register');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('complainant_phone');
  if (phone === undefined) return;
  await page.keyboard.type(phone);
  if (name === undefined) return;
  await page.keyboard.press('Tab');
  await page.keyboard.type(name);
}
