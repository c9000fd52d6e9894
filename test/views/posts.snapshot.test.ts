import { describe, expect, it } from 'vitest';
import { blockActionsPayload } from '../../dev/standin/sender.js';
import type { RecordedCall, StoredMessage } from '../../dev/standin/web-api.js';
import { channel, coChair, eventually, member, startBot, type TestBot } from '../helpers/slack.js';
import { at } from '../helpers/stores.js';
import { uploadedFile, visible, words } from './visible.js';

/**
 * Snapshots of the messages the bot posts on its own (reminders, late reminders, follow-ups, the weekly
 * digest, the quarterly report) and of their updates after a click, in English and Spanish (GCM_LANGUAGE),
 * through the real app: the reminder pass is ticked by hand with the clock moved to the right instants
 * (America/Santiago), and the posts are read from the Web API stand-in.
 */

const plan = 'lac-2023-2024';
const langs = [
  ['en', 'in English'],
  ['es', 'in Spanish'],
] as const;
type Lang = (typeof langs)[number][0];

/** A bot posting reminders to the network channel, in `lang`, its clock at `now` (Santiago). */
const botIn = (lang: Lang, now: string, env: Record<string, string> = {}) => startBot({ GCM_REMINDER_CHANNEL: channel, GCM_LANGUAGE: lang, ...env }, now);

const keyOf = (c: RecordedCall) => (c.params.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key;

/** The chat.postMessage call of the reminder (or digest, report) with this key. */
function postOf(t: TestBot, key: string): RecordedCall {
  const post = t.standin.callsOf('chat.postMessage').find((c) => keyOf(c) === key);
  if (!post) throw new Error(`no post of ${key}; posted: ${t.standin.callsOf('chat.postMessage').map(keyOf).join(', ')}`);
  return post;
}

/** The message of that post as the channel keeps it (for clicks). */
const messageOf = (t: TestBot, key: string): StoredMessage =>
  t.standin.messages.find((m) => (m.metadata?.event_payload as { key?: string } | undefined)?.key === key)!;

/** A date token as the bot writes it: noon of the due date in Santiago, with the date in words as fallback. */
const dueToken = (iso: string, fallback: string) => `<!date^${at(`${iso}T12:00:00`).toSeconds()}^{date_long}|${fallback}>`;

const t7 = {
  en: { title: 'Reminder: due in 7 days', due: dueToken('2024-05-01', '1 May 2024'), lead: 'IOM and ECLAC', rule: 'A meeting is due on the first day' },
  es: {
    title: 'Recordatorio: vence en 7 días',
    due: dueToken('2024-05-01', '1 de mayo de 2024'),
    lead: 'OIM (IOM) y CEPAL (ECLAC)',
    rule: 'Una reunión vence el primer día',
  },
};

describe('reminders in the channel', () => {
  it.each(langs)('7 days before a meeting: what is due, when, who leads, with Mark done and Set date (%s)', async (lang) => {
    const t = await botIn(lang, '2024-04-24T10:00:00');
    const pass = await t.bot.reminders.tick();
    expect(pass.sent).toContain(`${plan}|B1.2@2024-05|7`);
    const post = postOf(t, `${plan}|B1.2@2024-05|7`);
    const all = words(post);
    expect(post.params.channel).toBe(channel);
    expect(String(post.params.text).startsWith(t7[lang].title)).toBe(true);
    expect(all).toContain(t7[lang].due);
    expect(all).toContain(t7[lang].lead);
    expect(all).toContain(t7[lang].rule);
    expect(all).toContain('gcm_mark_done');
    expect(all).toContain('"initial_date":"2024-05-01"');
    expect(visible(post)).toMatchSnapshot();
  });

  it.each(langs)('1 day before a meeting: due tomorrow (%s)', async (lang) => {
    const t = await botIn(lang, '2024-04-24T10:00:00');
    await t.bot.reminders.tick();
    t.clock.set(at('2024-04-30T09:00:00'));
    const pass = await t.bot.reminders.tick();
    expect(pass.sent).toContain(`${plan}|B1.2@2024-05|1`);
    const post = postOf(t, `${plan}|B1.2@2024-05|1`);
    expect(String(post.params.text).startsWith(lang === 'en' ? 'Reminder: due tomorrow' : 'Recordatorio: vence mañana')).toBe(true);
    expect(words(post)).toContain(t7[lang].due);
    expect(visible(post)).toMatchSnapshot();
  });

  it.each(langs)('a reminder whose time passed while the bot was down goes out late and says so; a deadline has no date picker (%s)', async (lang) => {
    // The 7-day reminder of B1.3 · April 2024 (due 30 April) was due on 23 April at 09:00.
    const t = await botIn(lang, '2024-04-24T10:00:00');
    await t.bot.reminders.tick();
    const post = postOf(t, `${plan}|B1.3@2024-04|7`);
    expect(String(post.params.text)).toMatch(
      lang === 'en' ? /^Late reminder: it was due to go out on 23 April 2024/ : /^Recordatorio atrasado: debía enviarse el 23 de abril de 2024/,
    );
    expect(words(post)).toContain(dueToken('2024-04-30', lang === 'en' ? '30 April 2024' : '30 de abril de 2024'));
    expect(words(post)).not.toContain('gcm_set_date');
    expect(visible(post)).toMatchSnapshot();
  });

  it.each(langs)("3 days after an overdue due date, one follow-up in the reminder's thread mentions the focal points and the co-chairs (%s)", async (lang) => {
    const t = await botIn(lang, '2024-04-29T09:00:00');
    const focal = t.standin.callsOf('response_url').length;
    await t.command('focal IOM <@U0ANA>', coChair);
    await eventually(() => t.standin.callsOf('response_url').length > focal);
    await t.bot.reminders.tick();
    const reminder = postOf(t, `${plan}|B1.3@2024-04|1`);
    const reminderTs = messageOf(t, `${plan}|B1.3@2024-04|1`).ts;
    // B1.3 · April 2024 is due Tuesday 30 April; 3 days later is Friday 3 May, 09:00.
    t.clock.set(at('2024-05-03T09:00:00'));
    const pass = await t.bot.reminders.tick();
    expect(pass.sent).toContain(`${plan}|B1.3@2024-04|followup`);
    const followup = postOf(t, `${plan}|B1.3@2024-04|followup`);
    expect(followup.params.thread_ts).toBe(reminderTs);
    const all = words(followup);
    expect(all).toContain(
      lang === 'en'
        ? 'Follow-up: this was due on 30 April 2024 and is not marked done.'
        : 'Seguimiento: vencía el 30 de abril de 2024 y no está marcada como hecha.',
    );
    expect(all).toContain('<@U0ANA>');
    expect(all).toContain(`<@${coChair}>`);
    expect(words(reminder)).toContain('<@U0ANA>');
    expect({ reminder: visible(reminder), followup: visible(followup) }).toMatchSnapshot();
  });
});

describe('the weekly digest and the quarterly report', () => {
  it.each(langs)('on Monday at 09:00 the digest lists what is due in the next 14 days, each date as a Slack date token (%s)', async (lang) => {
    const t = await botIn(lang, '2024-04-22T09:00:00');
    const pass = await t.bot.reminders.tick();
    expect(pass.sent).toContain(`${plan}|digest|2024-04-22`);
    const digest = postOf(t, `${plan}|digest|2024-04-22`);
    expect(digest.params.text).toBe(lang === 'en' ? 'Due in the next 14 days: 5' : 'Vence en los próximos 14 días: 5');
    const all = words(digest);
    expect(all).toContain(lang === 'en' ? 'B1.2 · May 2024' : 'B1.2 · mayo de 2024');
    expect(all).toContain(dueToken('2024-04-30', lang === 'en' ? '30 April 2024' : '30 de abril de 2024'));
    expect(visible(digest)).toMatchSnapshot();
  });

  it.each(langs)(
    "on the first business day after a quarter, the quarter's report goes to the channel with the full report in its thread (%s)",
    async (lang) => {
      // Marks made with /gcm done at the time they happened, inside the first quarter of 2024. GCM_REPORT=auto: the unreviewed post.
      const t = await botIn(lang, '2024-02-02T12:00:00', { GCM_REPORT: 'auto' });
      for (const [when, command] of [
        ['2024-02-02T12:00:00', 'done B1.2 2024-02'],
        ['2024-02-10T12:00:00', 'done B1.4 2024-01'],
        ['2024-03-15T12:00:00', 'done B1.5'],
      ] as const) {
        t.clock.set(at(when));
        const before = t.standin.callsOf('response_url').length;
        await t.command(command, coChair);
        await eventually(() => t.standin.callsOf('response_url').length > before);
      }
      t.clock.set(at('2024-04-01T09:00:00'));
      const pass = await t.bot.reminders.tick();
      expect(pass.sent).toContain(`${plan}|report|2024-01-01`);
      const report = postOf(t, `${plan}|report|2024-01-01`);
      const title = lang === 'en' ? 'Progress report, 1 January 2024 to 31 March 2024' : 'Informe de avance, del 1 de enero de 2024 al 31 de marzo de 2024';
      expect(report.params.text).toBe(title);
      expect(words(report)).toContain(lang === 'en' ? 'Done in the period (3)' : 'Hecho en el período (3)');
      expect(words(report)).toContain(lang === 'en' ? 'B1.5 · <@U0COCHAIR> · 15 March 2024' : 'B1.5 · <@U0COCHAIR> · 15 de marzo de 2024');
      const complete = await eventually(() => t.standin.callsOf('files.completeUploadExternal')[0]);
      expect(complete.params.thread_ts).toBe(messageOf(t, `${plan}|report|2024-01-01`).ts);
      const file = uploadedFile([...t.standin.files.values()][0]!);
      expect(file.filename).toBe('gcm-report-2024-01-01-2024-03-31.md');
      expect(file.title).toBe(title);
      expect(file.content.startsWith(`# ${title}\n`)).toBe(true);
      expect(visible(report)).toMatchSnapshot('summary');
      expect(file).toMatchSnapshot('file');
    },
  );
});

describe('clicks on a reminder in the channel', () => {
  it.each(langs)("a co-chair's Mark done updates the reminder in place: a notice on top and Reopen instead of Mark done and Set date (%s)", async (lang) => {
    const t = await botIn(lang, '2024-04-24T10:00:00');
    await t.bot.reminders.tick();
    await t.click(messageOf(t, `${plan}|B1.2@2024-05|7`), 'gcm_mark_done', coChair, { ephemeral: false });
    const update = await eventually(() => t.standin.callsOf('chat.update')[0]);
    const all = words(update);
    expect(all).toContain(lang === 'en' ? 'B1.2 · May 2024 marked done by <@U0COCHAIR>' : 'B1.2 · mayo de 2024 marcada como hecha por <@U0COCHAIR>');
    expect(all).toContain('gcm_reopen');
    expect(all).not.toContain('gcm_set_date');
    expect(visible(update)).toMatchSnapshot();
  });

  it.each(langs)("a member's Mark done gets an ephemeral refusal and the reminder stays as it was (%s)", async (lang) => {
    const t = await botIn(lang, '2024-04-24T10:00:00');
    await t.bot.reminders.tick();
    await t.click(messageOf(t, `${plan}|B1.2@2024-05|7`), 'gcm_mark_done', member, { ephemeral: false });
    const refusal = await eventually(() => t.standin.callsOf('chat.postEphemeral')[0]);
    expect(refusal.params.user).toBe(member);
    expect(refusal.params.text).toMatch(lang === 'en' ? /^Only the co-chairs/ : /^Solo la copresidencia/);
    expect(t.standin.callsOf('chat.update')).toHaveLength(0);
    expect(visible(refusal)).toMatchSnapshot();
  });

  it.each(langs)("a co-chair's Set date updates the meeting reminder with the new date (%s)", async (lang) => {
    const t = await botIn(lang, '2024-04-24T10:00:00');
    await t.bot.reminders.tick();
    const reminder = messageOf(t, `${plan}|B2.1@2024-05|7`);
    const block = (reminder.blocks as { type: string; block_id: string }[]).find((b) => b.type === 'actions')!;
    await t.sender.interaction(
      blockActionsPayload(
        coChair,
        {
          kind: 'message',
          channel,
          messageTs: reminder.ts,
          ephemeral: false,
          message: { text: reminder.text, blocks: reminder.blocks, user: t.standin.botUserId },
          responseUrl: t.standin.newResponseUrl(channel, coChair, reminder.ts),
        },
        { type: 'datepicker', action_id: 'gcm_set_date', block_id: block.block_id, selected_date: '2024-05-09' },
      ),
    );
    const update = await eventually(() => t.standin.callsOf('chat.update')[0]);
    const all = words(update);
    expect(all).toContain(
      lang === 'en' ? 'B2.1 · May 2024: date set to 9 May 2024 by <@U0COCHAIR>' : 'B2.1 · mayo de 2024: fecha fijada el 9 de mayo de 2024 por <@U0COCHAIR>',
    );
    expect(all).toContain(dueToken('2024-05-09', lang === 'en' ? '9 May 2024' : '9 de mayo de 2024'));
    expect(t.stores.state.meetingDates(plan).get('B2.1@2024-05')).toBe('2024-05-09');
    expect(visible(update)).toMatchSnapshot();
  });
});
