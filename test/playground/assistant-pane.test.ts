import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/messages.js';
import type { Playground } from '../../dev/playground/playground.js';
import { chromeWords } from '../../dev/playground/chrome-words.js';
import { chromiumPath, playgroundInBrowser } from '../helpers/browser.js';

/** What a message's blocks show, without Slack's frame around it (who, when, "Only visible to you"). */
const shownBlocks = async (m: Locator) => (await m.locator('.block').allTextContents()).join('\n');

/**
 * Slack's assistant pane in the playground, in a real browser: a member opens it beside the channel (a signed
 * `assistant_thread_started`), sees the bot's suggested prompts in their Slack language, asks (a signed
 * `message.im` in the thread) and sees the bot's answer, the same as /gcm's, the thread's title and, while
 * the bot works, its status; a follow-up in the same thread is answered there too.
 */
describe.skipIf(!chromiumPath)('the assistant pane in the playground, in a real browser', () => {
  let playground: Playground;
  let page: Page;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ playground, page, close } = await playgroundInBrowser({ viewport: { width: 1600, height: 900 } }));
  }, 30_000);

  afterAll(async () => {
    await close?.();
  });

  /** The answer /gcm gives to `question` in the channel, as the page draws it. */
  async function slashAnswer(question: string, expected: string): Promise<string> {
    await page.getByTestId('composer').fill(`/gcm ${question}`);
    await page.getByTestId('composer').press('Enter');
    const answer = page.getByTestId('feed').getByTestId('message').filter({ hasText: expected }).last();
    await answer.waitFor();
    return shownBlocks(answer);
  }

  const pane = () => page.getByTestId('pane');
  const answers = () =>
    pane()
      .getByTestId('pane-message')
      .filter({ has: page.locator('.block') });

  it('an English-speaking member opens the pane, picks a suggested prompt, and gets /gcm’s answer in the thread, titled', async () => {
    await page.getByTestId('user').selectOption('U0COCHAIR');
    await page.getByRole('button', { name: chromeWords.en.openAssistant }).click();
    const en = messages('en').plain;
    await pane().getByTestId('pane-prompts').getByText(en.promptsTitle).waitFor();
    expect(await pane().getByTestId('pane-prompt').allTextContents()).toEqual(en.prompts.map((p) => p.title));
    expect(await pane().getByTestId('pane-composer').getAttribute('placeholder')).toBe(chromeWords.en.messageBot);
    expect(playground.standin.callsOf('assistant.threads.setSuggestedPrompts')).toHaveLength(1);

    const question = en.prompts[1]!;
    await pane().getByRole('button', { name: question.title }).click();
    await answers().first().waitFor();
    expect(await pane().getByTestId('pane-message').first().textContent()).toContain(question.message);
    await expect.poll(() => pane().getByTestId('pane-title').textContent()).toBe(question.message);
    const inPane = await shownBlocks(answers().first());
    expect(inPane).toContain('T1.1');
    expect(inPane).toBe(await slashAnswer(question.message, 'T1.1'));
    // The prompts give way to the chat once a question is asked.
    expect(await pane().getByTestId('pane-prompts').count()).toBe(0);
  });

  it('shows the bot’s status while it works, then the follow-up’s answer in the same thread', async () => {
    let release = () => {};
    playground.standin.failNext('chat.postMessage', { until: new Promise<void>((r) => (release = r)) });
    await pane().getByTestId('pane-composer').fill('what does UNICEF lead?');
    await pane().getByTestId('pane-composer').press('Enter');
    const status = pane().getByTestId('pane-status');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe(`gcm ${messages('en').plain.thinking}`);
    release();
    await expect.poll(() => answers().count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => status.isVisible()).toBe(false);
    const followUp = await shownBlocks(answers().nth(1));
    expect(followUp).toContain('T3.1');
    expect(followUp).toBe(await slashAnswer('what does UNICEF lead?', 'T3.1'));
    // Both answers in the one thread the pane opened.
    const threads = new Set(playground.standin.callsOf('chat.postMessage').map((c) => c.params.thread_ts));
    expect([...threads]).toEqual([playground.standin.assistantThreads[0]!.threadTs]);
  });

  it('a member who uses Slack in Spanish sees the pane, its prompts and the answer in Spanish', async () => {
    await page.getByTestId('user').selectOption('U0UNHCR01');
    await page.getByRole('button', { name: chromeWords.es.openAssistant }).click();
    const es = messages('es').plain;
    await pane().getByTestId('pane-prompts').getByText(es.promptsTitle).waitFor();
    expect(await pane().getByTestId('pane-prompt').allTextContents()).toEqual(es.prompts.map((p) => p.title));
    expect(await pane().getByTestId('pane-new').textContent()).toBe(chromeWords.es.newChat);
    expect(await pane().getByTestId('pane-composer').getAttribute('placeholder')).toBe(chromeWords.es.messageBot);

    const question = '¿qué actividades sirven al objetivo 23?';
    await pane().getByTestId('pane-composer').fill(question);
    await pane().getByTestId('pane-composer').press('Enter');
    await answers().first().waitFor();
    await expect.poll(() => pane().getByTestId('pane-title').textContent()).toBe(question);
    const inPane = await shownBlocks(answers().first());
    expect(inPane).toContain('Objetivo del Pacto Mundial 23');
    expect(inPane).toBe(await slashAnswer(question, 'Objetivo del Pacto Mundial 23'));
  });
});
