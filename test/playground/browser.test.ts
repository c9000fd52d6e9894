import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Locator, Page } from 'playwright-core';
import { chromiumPath, playgroundInBrowser } from '../helpers/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Playground } from '../../dev/playground/playground.js';
import { runAsk } from '../../src/cli/ask.js';
import { messages, statusProblemText } from '../../src/i18n/messages.js';
import { tempDir, zone } from '../helpers/stores.js';
import path from 'node:path';
import { DateTime } from 'luxon';

const browserZone = 'Asia/Tokyo';

/**
 * Sends `text` from `page`'s message box and returns the answer that holds `hasText` once it has come: a message
 * of its own, counted in, not an earlier one on the page that holds the same words (a loaded machine answers late).
 */
async function answerTo(page: Page, text: string, hasText: string | RegExp): Promise<Locator> {
  const matches = page.getByTestId('message').filter({ hasText });
  const before = await matches.count();
  await page.getByTestId('composer').fill(text);
  await page.getByTestId('composer').press('Enter');
  await expect.poll(() => matches.count(), { timeout: 10_000 }).toBeGreaterThan(before);
  return matches.last();
}

describe.skipIf(!chromiumPath)('the playground in a real browser', () => {
  let playground: Playground;
  let browser: Browser;
  let page: Page;

  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ playground, browser, page, close } = await playgroundInBrowser({
      // GCM_REPORT=auto: the quarterly report in the channel, which a test below shows (the default sends drafts to the co-chairs).
      env: { GCM_REPORT: 'auto' },
      // The browser sits in another zone than the bot's (Tokyo is 13 hours from Santiago): the page must show
      // every time in GCM_TIMEZONE all the same.
      timezoneId: browserZone,
    }));
  }, 30_000);

  afterAll(() => close?.());

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
    const answer = await answerTo(page, '/gcm activity B1.5', 'Activity B1.5');
    await answer.getByRole('button', { name: 'Mark done' }).click();
    await expect.poll(() => answer.textContent(), { timeout: 10_000 }).toContain('B1.5 marked done by @Ana');
    await expect.poll(() => answer.getByRole('button', { name: 'Reopen' }).count(), { timeout: 10_000 }).toBe(1);
    expect(playground.stores.state.completions('lac-2023-2024').has('B1.5')).toBe(true);
  });

  it('a member clicks Mark done and sees the refusal; nothing changes', async () => {
    await page.getByTestId('user').selectOption('U0MEMBER');
    const answer = await answerTo(page, '/gcm activity B1.6', 'Activity B1.6');
    await answer.getByRole('button', { name: 'Mark done' }).click();
    await page.getByTestId('message').filter({ hasText: "Only the co-chairs and the focal points of the activity's lead agencies" }).waitFor();
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

  it('draws the charts Slack would: progress by priority in the App Home, and the coverage answer', async () => {
    await page.getByTestId('tab-home').click();
    const homeChart = page.getByTestId('home').getByTestId('chart').first();
    await homeChart.waitFor();
    // One row per priority, each with a bar per status series.
    expect(await homeChart.locator('.row').count()).toBe(7);
    expect(await homeChart.locator('.bar').count()).toBeGreaterThanOrEqual(7);
    await page.getByTestId('tab-channel').click();
    await send('/gcm coverage');
    const answer = page.getByTestId('message').filter({ hasText: 'GCM objectives served by the plan' });
    await answer.getByTestId('chart').waitFor();
    expect(await answer.getByTestId('chart').locator('.row').count()).toBe(14);
    // A co-chair's periodic update: its two charts (by priority and status; due and done month by month).
    await page.getByTestId('user').selectOption('U0COCHAIR');
    await send('/gcm brief 2024-01-01 2024-03-31');
    const brief = page.getByTestId('message').filter({ hasText: 'Periodic update, 1 January 2024 to 31 March 2024' });
    await brief.getByTestId('chart').nth(1).waitFor();
    expect(await brief.getByTestId('chart').count()).toBe(2);
    expect(await brief.getByTestId('chart').first().locator('.row').count()).toBe(7);
  });

  it('sets a focal point by picking a person with @ in the message box', async () => {
    await page.getByTestId('tab-channel').click();
    await page.getByTestId('user').selectOption('U0COCHAIR');
    const box = page.getByTestId('composer');
    await box.fill('');
    await box.pressSequentially('/gcm focal IOM @sof');
    const person = page.getByTestId('mentions').getByTestId('person');
    await expect.poll(() => person.allTextContents(), { timeout: 10_000 }).toEqual([expect.stringContaining('Sofía Ramírez')]);
    await box.press('Enter');
    expect(await box.inputValue()).toBe('/gcm focal IOM <@U0IOM0001|sofia> ');
    // A click picks too: a second person, found by another part of their name.
    await box.pressSequentially('@car');
    await page.getByTestId('mentions').getByText('Carlos Díaz').click();
    expect(await box.inputValue()).toBe('/gcm focal IOM <@U0IOM0001|sofia> <@U0UNHCR01|carlos> ');
    await box.press('Enter');
    // The answer itself, not an earlier message that names IOM's focal point (a reminder's "Focal points: IOM @Sofía").
    const answer = page
      .getByTestId('message')
      .filter({ hasText: /now answers? for IOM/ })
      .last();
    await answer.waitFor();
    expect(await answer.textContent()).toContain('@Sofía');
    expect(await answer.textContent()).toContain('@Carlos');
    expect(await answer.textContent()).not.toContain('U0IOM0001');
    expect(playground.stores.state.focalPointsOf('IOM')).toEqual(['U0IOM0001', 'U0UNHCR01']);
  });

  it('shows every time on the page in the bot’s zone, by the bot’s clock', async () => {
    await page.getByTestId('set-clock').fill('2024-04-25T10:15');
    await page.getByTestId('set-clock').dispatchEvent('change');
    await expect.poll(() => page.getByTestId('now').textContent(), { timeout: 10_000 }).toMatch(/Thu, Apr 25, 2024, 10:1\d AM \(America\/Santiago\)/);
    await page.getByTestId('user').selectOption('U0COCHAIR');
    const answer = await answerTo(page, '/gcm activity B1.6', 'Activity B1.6');
    await answer.getByRole('button', { name: 'Mark done' }).click();
    await expect.poll(() => answer.textContent(), { timeout: 10_000 }).toMatch(/B1\.6 marked done by @Ana.*Apr 25, 2024 10:1\d AM/);
    // The message's own time: the bot's clock in its zone, not the wall clock nor the browser's zone.
    expect(await answer.getByTestId('time').textContent()).toMatch(/^10:1\d AM$/);
    // Nothing on the page reads in the browser's zone (10:15 in Santiago is 11:15 PM in Tokyo).
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).not.toMatch(/11:1\d PM/);
    const times = await page.getByTestId('time').allTextContents();
    expect(times.length).toBeGreaterThan(3);
    for (const t of times) expect(t).toMatch(/^\d\d:\d\d [AP]M$/);
  });

  it('shows a follow-up in its reminder’s thread, opened beside the channel', async () => {
    // B1.3 (April's pledge monitoring) is due on 30 April and not done: its follow-up goes out 3 days later.
    await page.getByTestId('set-clock').fill('2024-05-03T09:05');
    await page.getByTestId('set-clock').dispatchEvent('change');
    await expect.poll(() => playground.standin.callsOf('chat.postMessage').filter((c) => c.params.thread_ts).length, { timeout: 10_000 }).toBeGreaterThan(0);
    const followUp = playground.standin.messages.find((m) => m.threadTs && m.text.includes('B1.3'))!;
    expect(followUp).toBeDefined();
    const parent = page.locator(`[data-testid=message][data-ts="${followUp.threadTs}"]`);
    expect(await parent.textContent()).toContain('B1.3');
    // Not in the channel itself: only "N replies" under its reminder.
    expect(await page.locator(`#feed [data-ts="${followUp.ts}"]`).count()).toBe(0);
    await parent.getByTestId('replies').click();
    const thread = page.getByTestId('thread');
    await thread.waitFor();
    expect(await thread.getByTestId('thread-parent').getAttribute('data-ts')).toBe(followUp.threadTs);
    const reply = thread.locator(`[data-testid=reply][data-ts="${followUp.ts}"]`);
    await reply.waitFor();
    expect(await reply.getByRole('button', { name: 'Mark done' }).count()).toBe(1);
    expect(await reply.textContent()).toMatch(/@Sofía/);
    await expect.poll(() => page.getByTestId('feed').isVisible()).toBe(true);
    await thread.getByTestId('thread-close').click();
    await expect.poll(() => thread.isVisible()).toBe(false);
  });

  it('shows the file of /gcm report with its name, size and a preview, and serves it', async () => {
    await page.getByTestId('user').selectOption('U0COCHAIR');
    await send('/gcm report 2024-01-01 2024-03-31');
    const card = page.getByTestId('feed').getByTestId('file').last();
    await card.waitFor({ timeout: 15_000 });
    // The report's own file (a co-chair's /gcm brief above sent the update's files to their direct messages).
    const file = [...playground.standin.files.values()].find((f) => f.ts && !f.threadTs && f.filename.startsWith('gcm-report-'))!;
    expect(file.filename).toMatch(/\.md$/);
    expect(await card.getByTestId('file-name').textContent()).toBe(file.filename);
    expect(await card.getByTestId('file-meta').textContent()).toMatch(/\d+(\.\d)? kB · Markdown/);
    const firstLine = file.content.split('\n')[0]!;
    expect(firstLine.length).toBeGreaterThan(3);
    expect(await card.getByTestId('file-preview').textContent()).toContain(firstLine);
    const href = (await card.getByTestId('file-download').getAttribute('href'))!;
    expect(await page.evaluate(async (u) => (await fetch(u)).text(), href)).toBe(file.content);
  });

  it('shows the quarterly report’s file in its summary’s thread', async () => {
    // The first business day after the second quarter: the report is posted, its file in the summary's thread.
    await page.getByTestId('set-clock').fill('2024-07-01T09:05');
    await page.getByTestId('set-clock').dispatchEvent('change');
    await expect.poll(() => [...playground.standin.files.values()].filter((f) => f.threadTs).length, { timeout: 15_000 }).toBe(1);
    const file = [...playground.standin.files.values()].find((f) => f.threadTs)!;
    const parent = page.locator(`[data-testid=message][data-ts="${file.threadTs}"]`);
    await parent.getByTestId('replies').click();
    const shown = page.getByTestId('thread').getByTestId('file');
    await shown.waitFor();
    expect(await shown.getByTestId('file-name').textContent()).toBe(file.filename);
    expect(await shown.getByTestId('file-preview').textContent()).toContain(file.content.split('\n')[0]);
  });

  it('a focal point postpones an occurrence in the Update modal: an error shown inside it, then the confirmation', async () => {
    await page.getByTestId('tab-channel').click();
    await page.getByTestId('user').selectOption('U0IOM0001');
    expect(await page.getByTestId('user').locator('option:checked').textContent()).toBe('Sofía Ramírez (IOM focal point)');
    // Before the May meeting it postpones (the clock may go back: nothing is posted again).
    await page.getByTestId('set-clock').fill('2024-04-26T10:00');
    await page.getByTestId('set-clock').dispatchEvent('change');
    await expect.poll(() => page.getByTestId('now').textContent(), { timeout: 10_000 }).toMatch(/Apr 26, 2024/);
    await send('/gcm update B1.2 2024-05');
    const modal = page.getByTestId('modal');
    await modal.getByTestId('modal-title').filter({ hasText: 'Update status' }).waitFor();
    expect(await modal.getByTestId('modal-input-status').inputValue()).toBe('planned');
    await modal.getByTestId('modal-input-status').selectOption({ label: 'postponed' });
    await modal.getByTestId('modal-input-date').fill('2024-04-01');
    await modal.getByTestId('modal-input-note').fill('The hall is taken <!channel>');
    await modal.getByTestId('modal-input-link').fill('https://example.org/minutes');
    await modal.getByTestId('modal-submit').click();
    const dateError = modal.locator('[data-testid=modal-error][data-block=date]');
    await expect.poll(() => dateError.textContent()).toBe(statusProblemText('en', 'date_before_today'));
    // Slack keeps what was typed when it shows the errors: so does the page.
    expect(await modal.getByTestId('modal-input-note').inputValue()).toBe('The hall is taken <!channel>');
    expect(playground.stores.state.statuses('lac-2023-2024').get('B1.2@2024-05')).toBeUndefined();
    await modal.getByTestId('modal-input-date').fill('2024-06-10');
    await modal.getByTestId('modal-submit').click();
    await modal.waitFor({ state: 'hidden' });
    const told = page.getByTestId('message').filter({ hasText: 'B1.2 · May 2024 is now postponed, new date 10 June 2024' });
    await told.waitFor();
    // The note as written: the page shows the escaped text literally, no mention.
    expect(await told.textContent()).toContain('The hall is taken <!channel>');
    expect(await told.locator('.mention').count()).toBe(0);
    expect(playground.stores.state.statuses('lac-2023-2024').get('B1.2@2024-05')).toMatchObject({
      status: 'postponed',
      date: '2024-06-10',
      by: 'U0IOM0001',
      links: ['https://example.org/minutes'],
    });
  });

  it('a member who asks to update gets a short private explanation, and no modal', async () => {
    await page.getByTestId('user').selectOption('U0MEMBER');
    await send('/gcm update B1.2 2024-08');
    await page.getByTestId('message').filter({ hasText: 'Only the co-chairs and the focal points of B1.2 · August 2024' }).waitFor();
    expect(await page.getByTestId('modal').isHidden()).toBe(true);
  });

  it('a page on another origin posting to the playground’s API changes nothing', async () => {
    const target = new URL('/api/command', playground.url).toString();
    const evil = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>elsewhere</title><p>another site</p>');
    });
    await new Promise<void>((r) => evil.listen(0, '127.0.0.1', r));
    const other = await browser.newPage();
    try {
      await other.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
      const before = {
        calls: playground.standin.calls.length,
        audit: playground.stores.state.auditCount(),
        done: [...playground.stores.state.completions('lac-2023-2024').keys()],
        focal: [...playground.stores.state.focalPoints().entries()],
      };
      const body = JSON.stringify({ user: 'U0COCHAIR', text: '/gcm done B1.7' });
      // A simple (no-preflight) request, as a cross-site form or script can send: text/plain, with the browser's Origin (refused for it).
      const answered = other.waitForResponse((r) => r.url() === target && r.request().method() === 'POST');
      await other.evaluate(
        ([u, b]) => fetch(u!, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: b }).then(() => 'sent'),
        [target, body],
      );
      expect((await answered).status()).toBe(403);
      // JSON from another origin needs a preflight, which the playground never grants: the POST is never sent.
      const json = await other.evaluate(
        ([u, b]) =>
          fetch(u!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: b }).then(
            () => 'sent',
            () => 'blocked',
          ),
        [target, body],
      );
      expect(json).toBe('blocked');
      expect({
        calls: playground.standin.calls.length,
        audit: playground.stores.state.auditCount(),
        done: [...playground.stores.state.completions('lac-2023-2024').keys()],
        focal: [...playground.stores.state.focalPoints().entries()],
      }).toEqual(before);
    } finally {
      await other.close();
      await new Promise((r) => evil.close(r));
    }
  });
});

/** A fresh page on a playground of its own for the tests of a describe block (opened before them, closed after). */
function withFreshPage(): { playground: Playground; page: Page } {
  const t = {} as { playground: Playground; page: Page; close?: () => Promise<void> };
  beforeAll(async () => {
    Object.assign(t, await playgroundInBrowser());
  }, 30_000);
  afterAll(() => t.close?.());
  return t;
}

describe.skipIf(!chromiumPath)('the playground’s Next post, in a real browser', () => {
  const t = withFreshPage();

  it('from Monday 22 April 2024 08:30 to 31 May shows the digest of 22 April, every reminder and follow-up due in between, each once, in order', async () => {
    const until = DateTime.fromISO('2024-05-31T00:00:00', { zone });
    const keyOf = (ts: string | null) => t.playground.standin.messages.find((m) => m.ts === ts)?.metadata?.event_payload.key as string | undefined;
    let presses = 0;
    while (t.playground.clock.now() < until) {
      const shown = await t.page.getByTestId('now').textContent();
      const before = t.playground.standin.callsOf('chat.postMessage').length;
      await t.page.getByTestId('jump-next').click();
      await expect.poll(() => t.page.getByTestId('now').textContent(), { timeout: 10_000 }).not.toBe(shown);
      // Each press stops at something the bot posted.
      expect(t.playground.standin.callsOf('chat.postMessage').length).toBeGreaterThan(before);
      presses++;
    }
    expect(presses).toBeGreaterThan(10);
    const posted = t.playground.standin.messages.filter((m) => m.metadata && keyOf(m.ts));
    const inChannel = posted.filter((m) => !m.threadTs);
    // The channel on the page: every top-level post once, in the order posted, the first the digest of 22 April.
    await expect
      .poll(async () => (await t.page.locator('#feed > [data-testid=message]').evaluateAll((els) => els.map((e) => e.getAttribute('data-ts')))).map(keyOf), {
        timeout: 10_000,
      })
      .toEqual(inChannel.map((m) => keyOf(m.ts)));
    expect(keyOf(inChannel[0]!.ts)).toBe('lac-2023-2024|digest|2024-04-22');
    const digests = inChannel.map((m) => keyOf(m.ts)!).filter((k) => k.includes('|digest|') && k < 'lac-2023-2024|digest|2024-05-31');
    expect(digests).toEqual(['2024-04-22', '2024-04-29', '2024-05-06', '2024-05-13', '2024-05-20', '2024-05-27'].map((d) => `lac-2023-2024|digest|${d}`));
    // Every follow-up under its reminder: "N replies" counts them.
    const followUps = posted.filter((m) => m.threadTs);
    expect(followUps.length).toBeGreaterThan(3);
    for (const f of followUps) {
      const replies = t.page.locator(`#feed [data-testid=message][data-ts="${f.threadTs}"] [data-testid=replies]`);
      expect(await replies.textContent()).toMatch(/^1 reply/);
    }
  }, 120_000);
});

describe.skipIf(!chromiumPath)('the playground in Spanish, in a real browser', () => {
  const t = withFreshPage();

  async function send(text: string) {
    await t.page.getByTestId('composer').fill(text);
    await t.page.getByTestId('composer').press('Enter');
  }

  it('one person uses Slack in Spanish: their App Home is in Spanish', async () => {
    await t.page.getByTestId('user').selectOption('U0UNHCR01');
    await t.page.getByTestId('tab-home').click();
    await t.page.getByTestId('home').getByText(messages('es').homeDue30).waitFor();
    await t.page.getByTestId('tab-channel').click();
  });

  it('the Spanish modal, its confirmation, the note and its link: every word in Spanish, the link clickable, no literal >', async () => {
    await t.page.getByTestId('user').selectOption('U0IOM0001');
    await send('/gcm actualizar B1.2 2024-05');
    const modal = t.page.getByTestId('modal');
    await modal
      .getByTestId('modal-title')
      .filter({ hasText: messages('es').statusModal.title })
      .waitFor();
    const modalText = (await modal.textContent()) ?? '';
    expect(modalText).toContain('(opcional)');
    expect(modalText).not.toMatch(/optional|Choose/);
    await modal.getByTestId('modal-input-status').selectOption('postponed');
    await modal.getByTestId('modal-input-date').fill('2024-06-10');
    await modal.getByTestId('modal-input-note').fill('La sala está ocupada');
    await modal.getByTestId('modal-input-link').fill('https://example.org/acta');
    await modal.getByTestId('modal-submit').click();
    await modal.waitFor({ state: 'hidden' });
    const told = t.page.getByTestId('message').filter({ hasText: 'La sala está ocupada' }).last();
    await told.waitFor();
    expect(await told.getByTestId('ephemeral').textContent()).toBe('Solo tú puedes ver esto');
    const answer = await answerTo(t.page, '/gcm actividad B1.2', 'La sala está ocupada');
    await answer.getByRole('link', { name: 'https://example.org/acta' }).waitFor();
    expect(await answer.getByRole('link', { name: 'https://example.org/acta' }).getAttribute('href')).toBe('https://example.org/acta');
    const shown = (await answer.textContent()) ?? '';
    expect(shown).not.toMatch(/(^|\s)>\s*La sala/);
    expect(shown).not.toContain('&gt;');
  });

  it('a Spanish confirmation dates in Spanish; the feed shows each day; an .ics file is a calendar, in Spanish', async () => {
    await t.page.getByTestId('user').selectOption('U0COCHAIR');
    const answer = await answerTo(t.page, '/gcm actividad B1.5', 'B1.5');
    await answer.getByRole('button', { name: messages('es').markDone }).click();
    await expect.poll(() => answer.textContent(), { timeout: 10_000 }).toMatch(/22 de abril de 2024/);
    expect(await answer.textContent()).not.toMatch(/Apr|April/);
    expect(await t.page.getByTestId('feed').getByTestId('day').first().textContent()).toMatch(/April 22, 2024/);
    await send('/gcm calendario OIM compartir');
    const card = t.page.getByTestId('feed').getByTestId('file').last();
    await card.waitFor({ timeout: 15_000 });
    expect(await card.getByTestId('file-meta').textContent()).toMatch(/ · Calendario/);
    expect(await card.getByTestId('file-download').textContent()).toBe('Descargar');
    expect(await card.textContent()).not.toMatch(/TXT|Text/);
  });

  it('a member’s file goes to their direct messages with the bot, shown there', async () => {
    await t.page.getByTestId('user').selectOption('U0MEMBER');
    await send('/gcm report 2024-01-01 2024-03-31');
    await expect.poll(() => t.page.getByTestId('dm-count').textContent(), { timeout: 15_000 }).toBe('(1)');
    await t.page.getByTestId('tab-dm').click();
    const card = t.page.getByTestId('direct').getByTestId('file');
    await card.waitFor();
    expect(await card.getByTestId('file-name').textContent()).toBe('gcm-report-2024-01-01-2024-03-31.md');
    expect(await t.page.getByTestId('direct').textContent()).toContain('the file you asked for with');
    await t.page.getByTestId('tab-channel').click();
  });
});

describe.skipIf(!chromiumPath)("the quarter's draft in the playground, in a real browser (GCM_REPORT=draft)", () => {
  const t = withFreshPage();

  it("a co-chair finds last quarter's draft in their direct messages, publishes it there, and the channel shows it once", async () => {
    await t.page.getByTestId('user').selectOption('U0COCHAIR');
    await t.page.getByTestId('set-clock').fill('2024-07-01T09:05');
    await t.page.getByTestId('set-clock').dispatchEvent('change');
    const key = 'lac-2023-2024|brief|2024-04-01|2024-06-30';
    const posts = () => t.playground.standin.messages.filter((m) => m.metadata?.event_payload.key === key);
    await t.page.getByTestId('tab-dm').click();
    const publish = t.page.locator('#direct [data-action=gcm_brief_publish]');
    await publish.waitFor({ timeout: 15_000 });
    expect(posts()).toHaveLength(0);
    await publish.click();
    await expect.poll(() => posts().length, { timeout: 15_000 }).toBe(1);
    // The draft in the direct messages is drawn again, published, its buttons gone.
    await expect.poll(() => t.page.locator('#direct [data-action=gcm_brief_publish]').count(), { timeout: 10_000 }).toBe(0);
    await t.page.getByTestId('tab-channel').click();
    await t.page.locator(`#feed [data-testid=message][data-ts="${posts()[0]!.ts}"]`).getByText('Published by').waitFor();
    expect(posts()).toHaveLength(1);
  }, 60_000);
});
