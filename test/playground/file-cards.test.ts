import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Playground } from '../../dev/playground/playground.js';
import { messages } from '../../src/i18n/messages.js';
import { chromiumPath, playgroundInBrowser } from '../helpers/browser.js';

describe.skipIf(!chromiumPath)('the playground shows the update’s .docx and .xlsx as Slack does (issue 23.8)', () => {
  let playground: Playground;
  let page: Page;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ playground, page, close } = await playgroundInBrowser());
  }, 30_000);

  afterAll(async () => {
    await close?.();
  });

  it('a co-chair’s /gcm brief: cards with name, type, the first paragraphs or rows, and a download of the very file', async () => {
    await page.getByTestId('user').selectOption('U0COCHAIR');
    await page.getByTestId('composer').fill('/gcm brief');
    await page.getByTestId('composer').press('Enter');
    // The playground's clock is 22 April 2024: the last full quarter is the first.
    const title = messages('en').brief.title('1 January 2024', '31 March 2024');
    await expect.poll(() => page.getByTestId('dm-count').textContent(), { timeout: 30_000 }).toBe('(1)');
    await page.getByTestId('tab-dm').click();
    const cards = page.getByTestId('direct').getByTestId('file');
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBe(3);

    const docx = cards.filter({ has: page.getByTestId('file-name').filter({ hasText: /\.docx$/ }) });
    expect(await docx.getByTestId('file-name').textContent()).toBe('gcm-update-2024-01-01-2024-03-31.docx');
    expect(await docx.getByTestId('file-meta').textContent()).toMatch(/\d+(\.\d)? kB · Word document/);
    const paragraphs = (await docx.getByTestId('file-preview').textContent()) ?? '';
    expect(paragraphs.startsWith(title)).toBe(true);
    expect(paragraphs).toContain(messages('en').brief.overviewHeading);

    const xlsx = cards.filter({ has: page.getByTestId('file-name').filter({ hasText: /\.xlsx$/ }) });
    expect(await xlsx.getByTestId('file-meta').textContent()).toMatch(/ · Excel spreadsheet/);
    const rows = xlsx.getByTestId('file-preview').locator('tr');
    expect(await rows.count()).toBeGreaterThan(2);
    const c = messages('en').briefFiles.columns;
    expect(await rows.first().locator('td').allTextContents()).toEqual([c.field, c.value]);
    expect(await rows.nth(1).locator('td').first().textContent()).toBe(c.plan);

    // Download gives the uploaded bytes: a zip (PK), as the bot made it.
    const href = (await docx.getByTestId('file-download').getAttribute('href'))!;
    const got = await page.evaluate(async (u) => {
      const r = await fetch(u);
      return { type: r.headers.get('content-type'), bytes: Array.from(new Uint8Array(await r.arrayBuffer())) };
    }, href);
    const stored = [...playground.standin.files.values()].find((f) => f.filename.endsWith('.docx'))!;
    expect(got.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(Buffer.from(got.bytes).equals(stored.bytes)).toBe(true);
    expect(Buffer.from(got.bytes).subarray(0, 2).toString('latin1')).toBe('PK');
  }, 90_000);
});
