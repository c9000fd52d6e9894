import { describe, expect, it } from 'vitest';
import { viewSubmissionPayload } from '../../dev/standin/sender.js';
import { LINK_MAX, LINKS_MAX, NOTE_MAX, STATUS_KEYS, type StatusKey, type StatusProblem } from '../../src/domain/status.js';
import { statusLabel, statusProblemText } from '../../src/i18n/messages.js';
import { channel, coChair, eventually, member, startBot, type TestBot } from '../helpers/slack.js';

const plan = 'lac-2023-2024';
/** An http(s) link of exactly `n` characters. */
const linkOf = (n: number) => `https://example.org/${'a'.repeat(n - 'https://example.org/'.length)}`;
/** IOM leads B1.2 (with ECLAC); ILO only supports it (through the Network). */
const iomFocal = 'U0IOMFOCAL';
const iloFocal = 'U0ILOFOCAL';

type Msg = { text: string; blocks: unknown[] };
type View = Record<string, unknown> & { id: string; blocks: { type: string; block_id?: string; element?: Record<string, unknown> }[] };

/** The bot on 24 April 2024, 10:00 in Santiago, with IOM's and ILO's focal points named. */
async function bot(): Promise<TestBot> {
  const t = await startBot({ GCM_REMINDER_CHANNEL: channel });
  const actor = { userId: coChair, source: 'test' };
  t.stores.state.changeFocalPoints('IOM', [iomFocal], [], actor, '2024-04-01T12:00:00.000Z');
  t.stores.state.changeFocalPoints('ILO', [iloFocal], [], actor, '2024-04-01T12:00:00.000Z');
  return t;
}

/** Clicks the Update button of occurrence `key` on a message the bot wrote (taken from its blocks, as Slack would send it). */
function clickUpdate(t: TestBot, message: Msg, key: string, user: string, ephemeral = true) {
  return t.click(message, 'status_update', user, { ephemeral, value: (v) => (JSON.parse(v) as { key: string }).key === key });
}

/** Opens the modal for `key` from the bot's own `/gcm activity` answer, as `user`; returns the view the bot opened. */
async function openFromAnswer(t: TestBot, key: string, user: string): Promise<View> {
  const answer = (await t.command(`activity ${key.split('@')[0]}`, user)).json as Msg;
  const before = t.standin.views.size;
  await clickUpdate(t, answer, key, user);
  return (await eventually(() => t.standin.views.size > before && t.standin.lastView(user)))!.view as View;
}

/** Opens the modal with `/gcm update …` as `user`. */
async function openFromCommand(t: TestBot, text: string, user: string): Promise<View> {
  const before = t.standin.views.size;
  const ack = await t.command(text, user);
  expect(ack.status).toBe(200);
  return (await eventually(() => t.standin.views.size > before && t.standin.lastView(user)))!.view as View;
}

/** Submits `view` as `user`, filled in by action id; the acknowledgement's JSON (null: the modal closes). */
async function submit(t: TestBot, view: View, user: string, fill: Record<string, string | null>) {
  const res = await t.sender.interaction(viewSubmissionPayload(user, view, fill));
  expect(res.status).toBe(200);
  return res.json as { response_action?: string; errors?: Record<string, string> } | null;
}

/** The private answers the bot gave `user` in the channel (chat.postEphemeral). */
const ephemeralTo = (t: TestBot, user: string) => t.standin.callsOf('chat.postEphemeral').filter((c) => c.params.user === user && c.params.channel === channel);

const statusOf = (t: TestBot, key: string): StatusKey => t.stores.state.statuses(plan).get(key)?.status ?? 'planned';

describe('the Update modal', () => {
  it('the Update button of the bot’s activity answer opens a modal with the five statuses, the current one preselected', async () => {
    const t = await bot();
    const view = await openFromAnswer(t, 'B1.2@2024-05', iomFocal);
    expect(view.type).toBe('modal');
    const select = view.blocks.find((b) => b.block_id === 'status')!.element as {
      options: { value: string; text: { text: string } }[];
      initial_option: { value: string };
    };
    expect(select.options.map((o) => o.value)).toEqual([...STATUS_KEYS]);
    expect(select.options.map((o) => o.text.text)).toEqual(STATUS_KEYS.map((k) => statusLabel('en', k)));
    expect(select.initial_option.value).toBe('planned');
    expect(view.blocks.map((b) => b.element?.type).filter(Boolean)).toEqual(['static_select', 'datepicker', 'plain_text_input', 'plain_text_input']);
    expect(view.blocks.find((b) => b.block_id === 'note')!.element).toMatchObject({ multiline: true, max_length: NOTE_MAX });
    // The trigger_id of the click opened it, for the person who clicked.
    expect(t.standin.callsOf('views.open')).toHaveLength(1);
    expect(t.standin.lastView(iomFocal)!.user).toBe(iomFocal);
  });

  it('the lead agency’s focal point postpones B1.2 · May 2024 to 10 June: activity, upcoming and the reminders move', async () => {
    const t = await bot();
    const before = JSON.stringify(((await t.command('upcoming', member)).json as Msg).blocks);
    expect(before).toContain('*1 May 2024* · B1.2 · May 2024');
    await t.sender.event({ type: 'app_home_opened', user: iomFocal, channel: 'D0HOME', tab: 'home' });
    const homes = () => t.standin.callsOf('views.publish').filter((c) => c.params.user_id === iomFocal).length;
    await eventually(() => homes() === 1);
    const view = await openFromAnswer(t, 'B1.2@2024-05', iomFocal);
    const ack = await submit(t, view, iomFocal, {
      status: 'postponed',
      date: '2024-06-10',
      note: 'Moved: the hall is taken',
      link: 'https://example.org/minutes',
    });
    expect(ack?.response_action).toBeUndefined();
    const told = await eventually(() => ephemeralTo(t, iomFocal)[0]);
    expect(JSON.stringify(told.params.blocks)).toContain('B1.2 · May 2024 is now *postponed*, new date 10 June 2024');
    expect(JSON.stringify(told.params.blocks)).toContain('https://example.org/minutes');
    expect(t.stores.state.statuses(plan).get('B1.2@2024-05')).toMatchObject({
      status: 'postponed',
      date: '2024-06-10',
      by: iomFocal,
      links: ['https://example.org/minutes'],
    });
    expect(t.stores.state.statuses(plan).get('B1.2@2024-05')!.source).toBe(`modal:${channel}`);
    // The person's App Home is drawn again, as after every other change.
    await eventually(() => homes() === 2);

    // activity: the May meeting is due on 10 June now.
    const activity = JSON.stringify(((await t.command('activity B1.2', member)).json as Msg).blocks);
    expect(activity).toContain('10 June 2024');
    // upcoming: on its new date, not on 1 May any more.
    const upcoming = JSON.stringify(((await t.command('upcoming', member)).json as Msg).blocks);
    expect(upcoming).toContain('*10 June 2024* · B1.2 · May 2024');
    expect(upcoming).not.toContain('*1 May 2024* · B1.2');

    // Reminders: none for the old date (7 days before 1 May is today, 24 April), one for the new (3 June, 09:00).
    await t.bot.reminders.tick();
    const posted = () => t.standin.callsOf('chat.postMessage').filter((c) => JSON.stringify(c.params).includes('B1.2@2024-05'));
    expect(posted()).toHaveLength(0);
    // The pass ran: B2.1's May meeting, on the same day, was reminded.
    expect(JSON.stringify(t.standin.callsOf('chat.postMessage'))).toContain('B2.1@2024-05|7');
    t.clock.set(t.clock.now().set({ month: 6, day: 3, hour: 9, minute: 0 }));
    await t.bot.reminders.tick();
    await t.bot.reminders.tick();
    expect(posted()).toHaveLength(1);
    expect(JSON.stringify(posted()[0]!.params.blocks)).toContain('10 June 2024');
  });

  it('each status, from a button and from the command, is written with who and where', async () => {
    const t = await bot();
    const order: StatusKey[] = ['in_progress', 'done', 'planned', 'cancelled', 'postponed'];
    for (const [i, status] of order.entries()) {
      const fromButton = i % 2 === 0;
      const view = fromButton ? await openFromAnswer(t, 'B1.2@2024-08', coChair) : await openFromCommand(t, 'update B1.2 2024-08', coChair);
      const select = view.blocks.find((b) => b.block_id === 'status')!.element as { initial_option: { value: string } };
      expect(select.initial_option.value, `the modal shows the status before ${status}`).toBe(i === 0 ? 'planned' : order[i - 1]);
      const ack = await submit(t, view, coChair, { status, date: status === 'postponed' ? '2024-08-20' : null });
      expect(ack?.errors, status).toBeUndefined();
      expect(statusOf(t, 'B1.2@2024-08')).toBe(status);
      expect(t.stores.state.statuses(plan).get('B1.2@2024-08')!.by).toBe(coChair);
      await eventually(() => ephemeralTo(t, coChair).length === i + 1);
    }
    expect(t.stores.state.statusHistory(plan, 'B1.2@2024-08').map((c) => c.status)).toEqual([...order].reverse());
  });

  it('/gcm actualizar opens the modal in Spanish, and its errors are in Spanish', async () => {
    const t = await bot();
    const view = await openFromCommand(t, 'actualizar B1.2 2024-05', iomFocal);
    expect(JSON.stringify(view.title)).toContain('Actualizar estado');
    const select = view.blocks.find((b) => b.block_id === 'status')!.element as { options: { text: { text: string } }[] };
    expect(select.options.map((o) => o.text.text)).toEqual(['prevista', 'en curso', 'hecha', 'aplazada', 'cancelada']);
    const ack = await submit(t, view, iomFocal, { status: 'postponed', date: '2024-04-01' });
    expect(ack).toEqual({ response_action: 'errors', errors: { date: statusProblemText('es', 'date_before_today') } });
  });

  it('the Update button of a Spanish answer in the channel opens the modal in Spanish (the language of its message)', async () => {
    const t = await bot();
    const answer = (await t.command('actividad B1.2', iomFocal)).json as Msg;
    await clickUpdate(t, answer, 'B1.2@2024-05', iomFocal, false);
    const view = (await eventually(() => t.standin.lastView(iomFocal)))!.view as View;
    expect(JSON.stringify(view.title)).toContain('Actualizar estado');
    const ack = await submit(t, view, iomFocal, { status: 'done', link: 'ftp://example.org/acta' });
    expect(ack).toEqual({ response_action: 'errors', errors: { link: statusProblemText('es', 'link_not_http') } });
  });

  it('the Update button of a Spanish private answer (Slack sends no blocks of it) opens the modal in Spanish: the button says its language', async () => {
    const t = await bot();
    const answer = (await t.command('actividad B1.2', iomFocal)).json as Msg;
    await clickUpdate(t, answer, 'B1.2@2024-05', iomFocal, true);
    const view = (await eventually(() => t.standin.lastView(iomFocal)))!.view as View;
    expect(JSON.stringify(view.title)).toContain('Actualizar estado');
  });

  it('a one-off is named by its id alone; plan:ID works as in every command', async () => {
    const t = await bot();
    const view = await openFromCommand(t, `update B1.5 plan:${plan}`, coChair);
    expect(JSON.parse(String(view.private_metadata))).toMatchObject({ channel, metadata: expect.stringContaining('"k":"B1.5"') });
  });

  it('when Slack will not open the modal (the trigger expired), the person is told, from the command and from the button', async () => {
    const t = await bot();
    t.standin.failNext('views.open', { status: 500 }, { status: 500 });
    await t.command('actualizar B1.2 2024-05', iomFocal);
    const told = await eventually(() => t.standin.callsOf('response_url')[0]);
    expect(told.params.text).toBe('Slack no pudo abrir el formulario en este momento. No se cambió nada: vuelva a intentarlo.');
    const answer = (await t.command('activity B1.2', iomFocal)).json as Msg;
    await clickUpdate(t, answer, 'B1.2@2024-05', iomFocal);
    const again = await eventually(() => t.standin.callsOf('response_url')[1]);
    expect(again.params.text).toBe('Slack could not open the form just now. Nothing was changed: please try again.');
    expect(t.standin.views.size).toBe(0);
    expect(t.logs.join('\n')).toContain('views.open failed');
  });

  it('when the bot cannot post in the channel the modal came from, the result comes as a direct message', async () => {
    const t = await bot();
    const view = await openFromCommand(t, 'update B1.2 2024-05', iomFocal);
    t.standin.failNext('chat.postEphemeral', { status: 500 });
    expect(await submit(t, view, iomFocal, { status: 'in_progress' })).toBeNull();
    const dm = await eventually(() => t.standin.callsOf('chat.postMessage').find((c) => c.params.channel === iomFocal));
    expect(String(dm.params.text)).toContain('B1.2 · May 2024 is now *in progress*');
  });

  it('an unknown activity or occurrence is answered as other commands do, and no modal opens', async () => {
    const t = await bot();
    await t.command('update B9.9', coChair);
    await t.command('update B1.2 2024-06', coChair);
    const answers = await eventually(() => t.standin.callsOf('response_url').length === 2 && t.standin.callsOf('response_url'));
    expect(String(answers[0]!.params.text)).toContain('no activity B9.9');
    expect(String(answers[1]!.params.text)).toMatch(/2024-05/);
    expect(t.standin.callsOf('views.open')).toHaveLength(0);
  });
});

describe('who may update', () => {
  it.each([
    ['a supporting agency’s focal point', iloFocal],
    ['a member', member],
  ])('%s who presses Update gets a short private explanation and no modal', async (_, who) => {
    const t = await bot();
    const answer = (await t.command('activity B1.2', who)).json as Msg;
    await clickUpdate(t, answer, 'B1.2@2024-05', who);
    const reply = await eventually(() => t.standin.callsOf('response_url')[0]);
    expect(String(reply.params.text)).toContain('Only the co-chairs and the focal points of B1.2 · May 2024’s lead agencies (IOM and ECLAC)');
    expect(t.standin.callsOf('views.open')).toHaveLength(0);
  });

  it.each([
    ['a supporting agency’s focal point', iloFocal],
    ['a member', member],
  ])('%s is refused at submission, even with a modal opened by the lead agency’s focal point', async (_, who) => {
    const t = await bot();
    const view = await openFromCommand(t, 'update B1.2 2024-05', iomFocal);
    const ack = await submit(t, view, who, { status: 'cancelled', note: 'not ours to cancel' });
    // The modal closes; the person is told why, privately; nothing changed.
    expect(ack?.response_action).toBeUndefined();
    const told = await eventually(() => ephemeralTo(t, who)[0]);
    expect(String(told.params.text)).toContain('Nothing was changed.');
    expect(statusOf(t, 'B1.2@2024-05')).toBe('planned');
    expect(t.stores.state.statusHistory(plan, 'B1.2@2024-05')).toEqual([]);
    expect(t.standin.callsOf('views.publish')).toHaveLength(0);
  });

  it('a submission whose metadata the bot did not write is ignored: the modal closes and nothing changes', async () => {
    const t = await bot();
    const view = await openFromCommand(t, 'update B1.2 2024-05', iomFocal);
    const ack = await submit(t, { ...view, private_metadata: '{"p":"lac-2023-2024","k":"B1.2@2024-05","l":"en"}' }, iomFocal, { status: 'cancelled' });
    expect(ack).toBeNull();
    expect(statusOf(t, 'B1.2@2024-05')).toBe('planned');
    expect(t.logs.join('\n')).toContain('ignored a gcm_status_update submission');
  });
});

describe('bad input is answered inside the modal', () => {
  const cases: [string, Record<string, string | null>, string, StatusProblem][] = [
    ['a date before today', { status: 'postponed', date: '2024-04-23' }, 'date', 'date_before_today'],
    ['a date outside every plan’s period', { status: 'postponed', date: '2025-03-01' }, 'date', 'date_outside_plans'],
    ['postponed with no date', { status: 'postponed', date: null }, 'date', 'date_required'],
    ['a link that is not http(s)', { status: 'done', link: 'https://example.org/ok\njavascript:alert(1)' }, 'link', 'link_not_http'],
    ['a note too long', { status: 'done', note: 'x'.repeat(NOTE_MAX + 1) }, 'note', 'note_too_long'],
    ['11 links', { status: 'done', link: Array.from({ length: LINKS_MAX + 1 }, (_, i) => `https://example.org/${i}`).join('\n') }, 'link', 'too_many_links'],
    ['a link of 2,001 characters', { status: 'done', link: linkOf(LINK_MAX + 1) }, 'link', 'link_too_long'],
  ];
  it.each(cases)('%s', async (_, fill, block, problem) => {
    const t = await bot();
    const view = await openFromCommand(t, 'update B1.2 2024-05', iomFocal);
    const ack = await submit(t, view, iomFocal, fill);
    expect(ack).toEqual({ response_action: 'errors', errors: { [block]: statusProblemText('en', problem) } });
    expect(statusOf(t, 'B1.2@2024-05')).toBe('planned');
    expect(t.standin.callsOf('chat.postEphemeral')).toHaveLength(0);
  });

  it('10 links are taken, and a link of 2,000 characters (Slack sends at most 3,000 characters of an input)', async () => {
    const t = await bot();
    const view = await openFromCommand(t, 'update B1.2 2024-05', iomFocal);
    const links = Array.from({ length: LINKS_MAX }, (_, i) => `https://example.org/${i}`);
    expect(await submit(t, view, iomFocal, { status: 'in_progress', link: links.join('\n') })).toBeNull();
    expect(t.stores.state.statuses(plan).get('B1.2@2024-05')!.links).toEqual(links);
    const long = [linkOf(LINK_MAX)];
    expect(await submit(t, view, iomFocal, { status: 'done', link: long.join('\n') })).toBeNull();
    expect(t.stores.state.statuses(plan).get('B1.2@2024-05')!.links).toEqual(long);
  });

  it('too many links is refused in Spanish in a Spanish modal', async () => {
    const t = await bot();
    const view = await openFromCommand(t, 'actualizar B1.2 2024-05', iomFocal);
    const link = Array.from({ length: LINKS_MAX + 1 }, (_, i) => `https://example.org/${i}`).join(' ');
    expect(await submit(t, view, iomFocal, { status: 'done', link })).toEqual({
      response_action: 'errors',
      errors: { link: statusProblemText('es', 'too_many_links') },
    });
  });

  it('a note of exactly 1000 characters is taken', async () => {
    const t = await bot();
    const view = await openFromCommand(t, 'update B1.2 2024-05', iomFocal);
    expect(await submit(t, view, iomFocal, { status: 'in_progress', note: 'é'.repeat(NOTE_MAX) })).toBeNull();
    expect(t.stores.state.statuses(plan).get('B1.2@2024-05')!.note).toHaveLength(NOTE_MAX);
  });
});

describe('the note in the confirmation', () => {
  it('is shown as written and pings no one: <!channel>, @here, <@U…> and <url|x> are escaped', async () => {
    const t = await bot();
    const view = await openFromCommand(t, 'update B1.2 2024-05', iomFocal);
    const note = 'Done <!channel> @here <@U0COCHAIR> see <https://evil.example|the minutes> & more\nsecond line';
    await submit(t, view, iomFocal, { status: 'done', note });
    const told = await eventually(() => ephemeralTo(t, iomFocal)[0]);
    const shown = JSON.stringify(told.params.blocks);
    expect(shown).toContain('&lt;!channel&gt;');
    expect(shown).toContain('&lt;@U0COCHAIR&gt;');
    expect(shown).toContain('&lt;https://evil.example|the minutes&gt; &amp; more');
    expect(shown).not.toMatch(/<!channel>|<@U0COCHAIR>|<https:\/\/evil/);
    expect(t.stores.state.statuses(plan).get('B1.2@2024-05')!.note).toBe(note);
  });
});
