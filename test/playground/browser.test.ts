import { existsSync } from 'node:fs';
import { LogLevel } from '@slack/bolt';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startPlayground, type Playground } from '../../dev/playground/playground.js';
import { runAsk } from '../../src/cli/ask.js';
import { tempDir, zone } from '../helpers/stores.js';
import path from 'node:path';

// Debian's Chromium (never a downloaded browser): .ci/run installs chromium-headless-shell.
const executablePath = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((p) => existsSync(p));
if (!executablePath) console.warn('browser tests skipped: no Chromium here (as root: apt-get update && apt-get install -y chromium-headless-shell)');

describe.skipIf(!executablePath)('the playground in a real browser', () => {
  let playground: Playground;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    playground = await startPlayground(
      loadConfig({ GCM_TIMEZONE: zone }),
      createLogger(() => {}, LogLevel.ERROR),
      0,
    );
    browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage();
    await page.goto(playground.url);
    await page.getByTestId('now').filter({ hasText: '2024' }).waitFor();
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
  });

  async function send(text: string) {
    await page.getByTestId('composer').fill(text);
    await page.getByTestId('composer').press('Enter');
  }

  it('starts at Monday 22 April 2024, 08:30 in the configured zone', async () => {
    await expect.poll(() => page.getByTestId('now').textContent(), { timeout: 10_000 }).toMatch(/Apr.*22.*2024.*08:3\d/);
  });

  it('answers /gcm objective 23 with the same content as npm run ask', async () => {
    await send('/gcm objective 23');
    const answer = page.getByTestId('message').filter({ hasText: 'GCM objective 23' });
    await answer.waitFor();
    const shown = (await answer.textContent()) ?? '';
    const out: string[] = [];
    runAsk(
      ['objective', '23'],
      { DATABASE_PATH: path.join(tempDir(), 'a.sqlite'), GCM_NOW: '2024-04-22T08:30:00', GCM_TIMEZONE: zone },
      (s) => out.push(s),
      () => {},
    );
    const cli = out.join('\n');
    for (const id of ['T1.1', 'T1.2', 'T2.1', 'T2.2', 'T2.3', 'T2.4', 'T3.1', 'T3.2']) {
      expect(cli).toContain(id);
      expect(shown).toContain(id);
    }
    expect(shown).toContain('Strengthen international cooperation and global partnerships for safe, orderly and regular migration');
    expect(shown).toContain('IOM, MPI, UNICEF, UNHCR and WFP');
    expect(await answer.getByTestId('ephemeral').count()).toBe(1);
  });

  it('a co-chair clicks Mark done and sees the message change', async () => {
    await page.getByTestId('user').selectOption('U0COCHAIR');
    await send('/gcm activity B1.5');
    const answer = page.getByTestId('message').filter({ hasText: 'Activity B1.5' }).last();
    await answer.getByRole('button', { name: 'Mark done' }).click();
    await expect.poll(() => answer.textContent(), { timeout: 10_000 }).toContain('B1.5 marked done by @Ana');
    await expect.poll(() => answer.getByRole('button', { name: 'Reopen' }).count(), { timeout: 10_000 }).toBe(1);
    expect(playground.stores.state.completions('lac-2023-2024').has('B1.5')).toBe(true);
  });

  it('a member clicks Mark done and sees the refusal; nothing changes', async () => {
    await page.getByTestId('user').selectOption('U0MEMBER');
    await send('/gcm activity B1.6');
    const answer = page.getByTestId('message').filter({ hasText: 'Activity B1.6' }).last();
    await answer.getByRole('button', { name: 'Mark done' }).click();
    await page.getByTestId('message').filter({ hasText: 'Only the co-chairs can mark activities done' }).waitFor();
    expect(playground.stores.state.completions('lac-2023-2024').has('B1.6')).toBe(false);
  });

  it('jumping the clock to 24 April 2024 shows the quarterly-meeting reminder', async () => {
    await page.getByTestId('set-clock').fill('2024-04-24T09:00');
    await page.getByTestId('set-clock').dispatchEvent('change');
    const reminder = page.getByTestId('message').filter({ hasText: 'B1.2 · May 2024' }).filter({ hasText: 'Reminder: due in 7 days' });
    await reminder.waitFor();
    expect(await reminder.getByRole('button', { name: 'Mark done' }).count()).toBe(1);
    expect(await reminder.locator('input[type=date][data-action=gcm_set_date]').count()).toBe(1);
  });

  it('the App Home shows progress and the agency menu', async () => {
    await page.getByTestId('tab-home').click();
    await page.getByTestId('home').getByText('Progress of the plan').waitFor();
    await page.getByTestId('home').locator('select').selectOption('UNDP');
    await page.getByTestId('home').getByText('Leads (6)').waitFor();
  });
});
