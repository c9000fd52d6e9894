import { describe, expect, it } from 'vitest';
import { blockActionsPayload } from '../../dev/standin/sender.js';
import { coChair, eventually, startBot, type TestBot } from '../helpers/slack.js';
import { visible, words } from './visible.js';

/**
 * Snapshots of the App Home, in English (a user with Slack locale en-US) and Spanish (es-LA, from
 * `users.info`), at a fixed clock (24 April 2024, 10:00 in America/Santiago), through the real app: the
 * `app_home_opened` event and the agency menu, read from the `views.publish` calls the stand-in received.
 */

const users = {
  en: { id: 'U0EN', locale: 'en-US' },
  es: { id: 'U0ES', locale: 'es-LA' },
} as const;
const langs = [
  ['en', 'in English'],
  ['es', 'in Spanish'],
] as const;

/** Opens the Home as the user of `lang` and returns the n-th (from 1) view published for them. */
async function openHome(t: TestBot, lang: 'en' | 'es') {
  const user = users[lang];
  t.standin.locales.set(user.id, user.locale);
  const res = await t.sender.event({ type: 'app_home_opened', user: user.id, channel: 'D0HOME', tab: 'home' });
  expect(res.status).toBe(200);
  return published(t, user.id, 1);
}

const published = (t: TestBot, userId: string, n: number) =>
  eventually(() => t.standin.callsOf('views.publish').filter((c) => c.params.user_id === userId)[n - 1]);

/** Picks an agency in the Home's "My agency" menu, as Slack sends it. */
function pickAgency(t: TestBot, userId: string, agency: string) {
  return t.sender.interaction(
    blockActionsPayload(
      userId,
      { kind: 'home' },
      {
        type: 'static_select',
        action_id: 'gcm_pick_agency',
        block_id: 'gcm_my_agency',
        selected_option: { value: agency, text: { type: 'plain_text', text: agency } },
      },
    ),
  );
}

const expected = {
  en: {
    title: 'GCM Work Plan',
    plan: 'Work Plan 2023-2024, 1 June 2023 to 31 December 2024',
    due30: 'Due in the next 30 days',
    first: 'B1.3 · April 2024',
    pick: 'Pick your agency',
    agency: 'UNDP',
    mine: ['*Leads* (', '*B3.1*', 'T2.2'],
    refreshed: '1 of 6 activities done',
  },
  es: {
    title: 'Plan de Trabajo del Pacto Mundial',
    plan: 'Plan de Trabajo 2023-2024, del 1 de junio de 2023 al 31 de diciembre de 2024',
    due30: 'Vence en los próximos 30 días',
    first: 'B1.3 · abril de 2024',
    pick: 'Elija su agencia',
    agency: 'IOM',
    mine: ['*A cargo de* (', '*B1.2*', '*B1.3*'],
    refreshed: '1 de 6 actividades hechas',
  },
};

describe('the App Home', () => {
  it.each(langs)('opening it shows progress by priority, the next 30 days and the agency menu, in the user locale (%s)', async (lang) => {
    const t = await startBot();
    const publish = await openHome(t, lang);
    const e = expected[lang];
    const all = words(publish.params);
    expect(publish.params.user_id).toBe(users[lang].id);
    for (const w of [e.title, e.plan, e.due30, e.first, e.pick, 'gcm_pick_agency']) expect(all).toContain(w);
    expect(visible(publish)).toMatchSnapshot();
  });

  it.each(langs)('after picking an agency it shows what that agency leads and supports (%s)', async (lang) => {
    const t = await startBot();
    await openHome(t, lang);
    const e = expected[lang];
    await pickAgency(t, users[lang].id, e.agency);
    const publish = await published(t, users[lang].id, 2);
    const all = words(publish.params);
    for (const w of e.mine) expect(all).toContain(w);
    expect(all).toContain(`"initial_option":{"text":{"type":"plain_text","text":"`);
    expect(t.stores.state.userAgency(users[lang].id)).toBe(e.agency);
    expect(visible(publish)).toMatchSnapshot();
  });

  it.each(langs)("after the plan's period it says the plan ended, with nothing due (%s)", async (lang) => {
    const t = await startBot({}, '2025-01-20T10:00:00');
    const publish = await openHome(t, lang);
    const all = words(publish.params);
    expect(all).toContain(lang === 'en' ? '31 December 2024' : '31 de diciembre de 2024');
    // The App Home is a member's view: whom to ask, never a terminal command.
    expect(all).toContain(
      lang === 'en' ? 'The next plan is loaded by the co-chairs: ask them about it.' : 'La copresidencia carga el próximo plan: consúltele.',
    );
    expect(all).not.toContain('npm run');
    expect(all).not.toContain(expected[lang].first);
    expect(visible(publish)).toMatchSnapshot();
  });

  it.each(langs)("a co-chair's /gcm done refreshes the Home of whoever has it open, with the new progress (%s)", async (lang) => {
    const t = await startBot();
    await openHome(t, lang);
    await t.command('done B1.5', coChair);
    const publish = await published(t, users[lang].id, 2);
    expect(words(publish.params)).toContain(expected[lang].refreshed);
    expect(visible(publish)).toMatchSnapshot();
  });
});
