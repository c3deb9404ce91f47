import type { Page } from 'playwright-core';

/** A real 1×1 PNG, so that the evidence check sniffs an image. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** The label of the focused element (its <label for>, the label around it, or its aria-label). */
export const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const byFor = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
    return (
      byFor?.textContent ??
      el.closest('label')?.textContent ??
      el.getAttribute('aria-label') ??
      ''
    ).trim();
  });

/** Press Tab until the field with this label has the focus: the keyboard's way through a form. */
export async function tabTo(page: Page, label: string | RegExp, max = 60): Promise<void> {
  const matches = (text: string) => (typeof label === 'string' ? text === label : label.test(text));
  for (let i = 0; i < max; i++) {
    if (matches(await focusedLabel(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${label}; focus is on "${await focusedLabel(page)}"`);
}

export async function typeInto(page: Page, label: string | RegExp, text: string): Promise<void> {
  await tabTo(page, label);
  await page.keyboard.type(text);
}
