import { existsSync } from 'node:fs';
import { LogLevel } from '@slack/bolt';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startPlayground, type Playground } from '../../dev/playground/playground.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { zone } from './stores.js';

/** Debian's Chromium (never a downloaded browser; .ci/run installs chromium-headless-shell), or undefined. */
export const chromiumPath = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((p) => existsSync(p));
if (!chromiumPath) console.warn('browser tests skipped: no Chromium here (as root: apt-get update && apt-get install -y chromium-headless-shell)');

/** A playground in GCM_TIMEZONE and a page of it open in headless Chromium, its clock shown; `close` ends both. */
export async function playgroundInBrowser(
  viewport = { width: 1400, height: 900 },
): Promise<{ playground: Playground; page: Page; close: () => Promise<void> }> {
  const playground = await startPlayground(
    loadConfig({ GCM_TIMEZONE: zone }),
    createLogger(() => {}, LogLevel.ERROR),
    0,
  );
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport });
    await page.goto(playground.url);
    await page.getByTestId('now').filter({ hasText: '2024' }).waitFor();
    const opened = browser;
    return { playground, page, close: async () => void (await Promise.all([opened.close(), playground.stop()])) };
  } catch (e) {
    await browser?.close();
    await playground.stop();
    throw e;
  }
}
