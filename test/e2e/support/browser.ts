import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Dialect } from '../../../src/db/database.js';
import { PASSWORD, startTestApp, type TestApp } from '../../support/test-app.js';

/** Debian's Chromium (`apt-get install chromium`); never a downloaded browser. */
export const CHROMIUM = process.env.KESU_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = resolve(import.meta.dirname, '../../../test-results/screenshots');

export interface ConsoleServer extends TestApp {
  baseUrl: string;
}

/** A test app (fresh database, demo organisation) listening on loopback, serving the built console. */
export async function startConsole(dialect: Dialect): Promise<ConsoleServer> {
  const t = await startTestApp(dialect);
  await t.http.listen({ host: '127.0.0.1', port: 0 });
  const { port } = t.http.server.address() as AddressInfo;
  return { ...t, baseUrl: `http://127.0.0.1:${port}` };
}

/**
 * A console server and a browser for the tests of one file: started before them, closed after them.
 * Read `server` and `browser` inside hooks and tests (they are set once the file's setup has run).
 */
export function consoleAndBrowser(dialect: Dialect = 'sqlite'): { server: ConsoleServer; browser: Browser } {
  const env = {} as { server: ConsoleServer; browser: Browser };
  beforeAll(async () => {
    env.server = await startConsole(dialect);
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });

/** A page whose browser console errors and uncaught exceptions are collected; `expectClean` fails on any. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  errors: string[];
  expectClean(): void;
}

export async function openPage(
  browser: Browser,
  baseUrl: string,
  options: { viewport?: { width: number; height: number }; isMobile?: boolean } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: options.viewport ?? { width: 1440, height: 900 },
    isMobile: options.isMobile ?? false,
    hasTouch: options.isMobile ?? false,
    locale: 'zh-CN',
    // The console then runs without Ant Design's animations: a click never lands on a moving dialog.
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  // A busy CI machine renders slowly; a step that never happens still fails.
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  return {
    page,
    context,
    errors,
    expectClean: () => expect(errors, 'browser console errors').toEqual([]),
  };
}

/** Ant Design spaces two-character button labels (提 交): a name pattern with optional spaces. */
export const label = (text: string) => new RegExp(`^${[...text].join('\\s*')}$`);

/** Sign in through the login page as a demo user. */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Chinese characters in the visible text of the page (for the English switch). */
export async function chineseText(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return text.split('\n').filter((line) => /[\u4e00-\u9fff]/.test(line));
}

/** On the complaint page: click an action button, fill its form in the dialog, submit, wait for the dialog to close. */
export async function act(
  page: Page,
  action: string,
  fill?: (dialog: Locator) => Promise<void>,
): Promise<void> {
  await page
    .getByTestId('complaint-actions')
    .getByRole('button', { name: label(action) })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: /提\s*交/ }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** The server's answers to GET `path` (with a query or without) reach the page this much later: a slow network or a busy server. */
export const slowDown = (page: Page, path: string, ms: number) =>
  page.route(new RegExp(`/api/v1${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\?.*)?$`), async (route) => {
    await new Promise((done) => setTimeout(done, ms));
    await route.continue();
  });
