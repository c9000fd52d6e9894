// The README's picture of the playground (docs/playground.png), taken again after the page changes:
//   node --import tsx dev/screenshot.ts [docs/playground.png]
// It starts the playground on a fresh in-memory database, plays a short scene in Debian's Chromium (as the browser
// tests do: never a downloaded browser) and saves a 1440×860 screenshot: the channel with a reminder, the
// coverage answer and its chart, and the assistant pane open beside it with an answer.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { LogLevel } from '@slack/bolt';
import { chromium } from 'playwright-core';
import { loadConfig, projectRoot } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { startPlayground } from './playground/playground.js';

const out = path.resolve(process.argv[2] ?? path.join(projectRoot, 'docs', 'playground.png'));
const executablePath = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((p) => existsSync(p));
if (!executablePath) {
  console.error('No Chromium here: as root, apt-get update && apt-get install -y chromium-headless-shell');
  process.exit(1);
}

const playground = await startPlayground(
  loadConfig({ GCM_TIMEZONE: 'America/Santiago' }),
  createLogger(() => {}, LogLevel.ERROR),
  0,
);
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  await page.goto(playground.url);
  await page.getByTestId('now').filter({ hasText: '2024' }).waitFor();
  // A week's reminders come due, then a member asks for the coverage (a chart) and opens the assistant pane.
  await page.getByTestId('set-clock').fill('2024-04-24T09:00');
  await page.getByTestId('set-clock').dispatchEvent('change');
  await page.getByTestId('message').filter({ hasText: 'B1.2 · May 2024' }).first().waitFor();
  await page.getByTestId('user').selectOption('U0MEMBER');
  await page.getByTestId('composer').fill('/gcm coverage');
  await page.getByTestId('composer').press('Enter');
  const chart = page.getByTestId('feed').getByTestId('chart').last();
  await chart.waitFor();
  await page.getByTestId('open-pane').click();
  const pane = page.getByTestId('pane');
  await pane.getByTestId('pane-prompt').first().waitFor();
  await pane.getByTestId('pane-prompt').nth(1).click();
  await pane.getByTestId('pane-message').filter({ hasText: 'T1.1' }).last().waitFor();
  // The coverage answer from its top: the chart in view.
  await page
    .getByTestId('feed')
    .getByTestId('message')
    .last()
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: out });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
  await playground.stop();
}
