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

export interface BrowserOptions {
  viewport?: { width: number; height: number };
  /** Settings beside GCM_TIMEZONE, as the environment would give them. */
  env?: Record<string, string>;
  /** The browser's own zone (the machine's when not given). */
  timezoneId?: string;
}

/** A playground in GCM_TIMEZONE and a page of it open in headless Chromium, its clock shown; `close` ends both. */
export async function playgroundInBrowser({ viewport = { width: 1400, height: 900 }, env = {}, timezoneId }: BrowserOptions = {}): Promise<{
  playground: Playground;
  browser: Browser;
  page: Page;
  close: () => Promise<void>;
}> {
  const playground = await startPlayground(
    loadConfig({ GCM_TIMEZONE: zone, ...env }),
    createLogger(() => {}, LogLevel.ERROR),
    0,
  );
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport, timezoneId });
    await page.goto(playground.url);
    await page.getByTestId('now').filter({ hasText: '2024' }).waitFor();
    const opened = browser;
    return { playground, browser: opened, page, close: async () => void (await Promise.all([opened.close(), playground.stop()])) };
  } catch (e) {
    await browser?.close();
    await playground.stop();
    throw e;
  }
}
