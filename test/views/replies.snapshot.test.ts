import { describe, expect, it } from 'vitest';
import { channel, coChair, eventually, member, startBot, type TestBot } from '../helpers/slack.js';
import { at } from '../helpers/stores.js';
import { uploadedFile, visible, words } from './visible.js';

/**
 * Snapshots of what users see after they act: a click on Mark done / Reopen / Share in channel, and the slash
 * commands answered through the response_url (done, reopen, schedule, reminders, focal, report), in English
 * and Spanish, at a fixed clock (24 April 2024, 10:00 in America/Santiago), through the real Bolt app.
 */

type Msg = { text: string; blocks: unknown[] };
const langs = [
  ['en', 'in English'],
  ['es', 'in Spanish'],
] as const;

/** The n-th (from 1) POST the bot made to a response_url, once it has arrived. */
const reply = (t: TestBot, n: number) => eventually(() => t.standin.callsOf('response_url')[n - 1]);

/** Runs `/gcm text` as `user` and returns the reply that came through the response_url. */
async function mutation(t: TestBot, text: string, user: string) {
  const before = t.standin.callsOf('response_url').length;
  const ack = await t.command(text, user);
  expect(ack.status).toBe(200);
  return reply(t, before + 1);
}

describe('Mark done, Reopen and Share in channel on an answer', () => {
  const clicks = {
    en: { ask: 'activity B1.3', notice: 'B1.3 · June 2023 marked done by <@U0COCHAIR>', reopen: 'Reopen · June 2023', next: 'Mark done · September 2023' },
    es: {
      ask: 'actividad B1.3',
      notice: 'B1.3 · junio de 2023 marcada como hecha por <@U0COCHAIR>',
      reopen: 'Reabrir · junio de 2023',
      next: 'Marcar como hecha · septiembre de 2023',
    },
  };

  it.each(langs)("a co-chair's click replaces the answer with a notice, Reopen and the next occurrence's Mark done (%s)", async (lang) => {
    const t = await startBot();
    const w = clicks[lang];
    const answer = (await t.command(w.ask, coChair)).json as Msg;
    await t.click(answer, 'gcm_mark_done', coChair);
    const replaced = await reply(t, 1);
    expect(replaced.params.replace_original).toBe(true);
    const all = words(replaced);
    expect(all).toContain(w.notice);
    // The time of the mark is the fixed clock: 24 April 2024, 10:00 in Santiago (13:00 UTC).
    expect(all).toContain(`<!date^${at('2024-04-24T10:00:00').toSeconds()}^{date_short_pretty} {time}|2024-04-24>`);
    expect(all).toContain(w.reopen);
    expect(all).toContain(w.next);
    expect(visible(replaced)).toMatchSnapshot();
  });

  it.each(langs)("a member's click changes nothing and gets an ephemeral refusal in the message's language (%s)", async (lang) => {
    const t = await startBot();
    const answer = (await t.command(lang === 'en' ? 'activity B1.5' : 'actividad B1.5', member)).json as Msg;
    await t.click(answer, 'gcm_mark_done', member);
    const refusal = await reply(t, 1);
    expect(refusal.params.replace_original).toBe(false);
    expect(refusal.params.text).toBe(
      lang === 'en'
        ? "Only the co-chairs and the focal points of the activity's lead agencies can change its status. Nothing was changed."
        : 'Solo la copresidencia y los puntos focales de las agencias líderes de la actividad pueden cambiar su estado. No se cambió nada.',
    );
    expect(t.stores.state.completions('lac-2023-2024').size).toBe(0);
    expect(visible(refusal)).toMatchSnapshot();
  });

  it.each(langs)('Reopen after Mark done puts the answer back with a reopened notice (%s)', async (lang) => {
    const t = await startBot();
    const answer = (await t.command(lang === 'en' ? 'activity B1.5' : 'actividad B1.5', coChair)).json as Msg;
    await t.click(answer, 'gcm_mark_done', coChair);
    const done = await reply(t, 1);
    await t.click({ blocks: done.params.blocks as unknown[] }, 'gcm_reopen', coChair);
    const reopened = await reply(t, 2);
    expect(words(reopened)).toContain(lang === 'en' ? 'B1.5 reopened by <@U0COCHAIR>' : 'B1.5 reabierta por <@U0COCHAIR>');
    expect(words(reopened)).toContain('gcm_mark_done');
    expect(visible(reopened)).toMatchSnapshot();
  });

  it.each(langs)('Share in channel posts the answer in the channel, naming who shared it, and deletes the private copy (%s)', async (lang) => {
    const t = await startBot();
    const answer = (await t.command(lang === 'en' ? 'objective 8' : 'objetivo 8', member)).json as Msg;
    await t.click(answer, 'gcm_share', member);
    const shared = await reply(t, 1);
    const deleted = await reply(t, 2);
    expect(shared.params.response_type).toBe('in_channel');
    expect(words(shared)).toContain(lang === 'en' ? '<@U0MEMBER>: `/gcm objective 8`' : '<@U0MEMBER>: `/gcm objetivo 8`');
    expect(words(shared)).toContain(lang === 'en' ? 'Save lives' : 'Salvar vidas');
    expect(words(shared)).not.toContain('gcm_share');
    expect(deleted.params.delete_original).toBe(true);
    expect({ shared: visible(shared), deleted: visible(deleted) }).toMatchSnapshot();
  });
});

describe('/gcm done, reopen and schedule, answered through the response_url', () => {
  it.each(langs)('a co-chair marks a one-off activity done: one line with who and when (%s)', async (lang) => {
    const t = await startBot();
    const r = await mutation(t, lang === 'en' ? 'done B1.5' : 'hecho B1.5', coChair);
    expect(r.params.text).toBe(
      lang === 'en' ? '✓ B1.5 marked done by <@U0COCHAIR> on 2024-04-24.' : '✓ B1.5 marcada como hecha por <@U0COCHAIR> el 2024-04-24.',
    );
    expect(r.params.response_type).toBe('ephemeral');
    expect(visible(r)).toMatchSnapshot();
  });

  it.each(langs)('a co-chair marks the current occurrence of a recurring activity and is told how to name another (%s)', async (lang) => {
    const t = await startBot();
    const r = await mutation(t, lang === 'en' ? 'done B1.3' : 'hecho B1.3', coChair);
    expect(words(r)).toContain(lang === 'en' ? 'B1.3 · June 2023 marked done' : 'B1.3 · junio de 2023 marcada como hecha');
    // The example names another occurrence still open (the next one, as the answer's Mark done names it), never the one just marked.
    expect(words(r)).toContain(lang === 'en' ? '/gcm done B1.3 2023-09' : '/gcm hecho B1.3 2023-09');
    expect(words(r)).not.toMatch(/(done|hecho) B1\.3 2023-06/);
    expect(visible(r)).toMatchSnapshot();
  });

  it.each(langs)("a member's done is refused and changes nothing (%s)", async (lang) => {
    const t = await startBot();
    const r = await mutation(t, lang === 'en' ? 'done B1.5' : 'hecho B1.5', member);
    expect(words(r)).toContain(lang === 'en' ? 'Only the co-chairs' : 'Solo la copresidencia');
    expect(t.stores.state.auditCount()).toBe(0);
    expect(visible(r)).toMatchSnapshot();
  });

  it.each(langs)('a co-chair reopens what was marked done (%s)', async (lang) => {
    const t = await startBot();
    await mutation(t, lang === 'en' ? 'done B1.5' : 'hecho B1.5', coChair);
    const r = await mutation(t, lang === 'en' ? 'reopen B1.5' : 'reabrir B1.5', coChair);
    expect(r.params.text).toBe(lang === 'en' ? 'B1.5 reopened by <@U0COCHAIR>.' : 'B1.5 reabierta por <@U0COCHAIR>.');
    expect(visible(r)).toMatchSnapshot();
  });

  it.each(langs)('a co-chair sets the date of a meeting occurrence (%s)', async (lang) => {
    const t = await startBot();
    const r = await mutation(t, `${lang === 'en' ? 'schedule' : 'fecha'} B1.2@2024-05 2024-05-14`, coChair);
    expect(r.params.text).toBe(
      lang === 'en' ? 'B1.2 · May 2024: date set to 14 May 2024 by <@U0COCHAIR>.' : 'B1.2 · mayo de 2024: fecha fijada el 14 de mayo de 2024 por <@U0COCHAIR>.',
    );
    expect(t.stores.state.meetingDates('lac-2023-2024').get('B1.2@2024-05')).toBe('2024-05-14');
    expect(visible(r)).toMatchSnapshot();
  });

  it.each(langs)('errors in done and schedule say what is wrong (%s)', async (lang) => {
    const t = await startBot();
    const es = lang === 'es';
    const unknown = await mutation(t, es ? 'hecho B9.9' : 'done B9.9', coChair);
    const noOccurrence = await mutation(t, es ? 'hecho B1.2 2031-01' : 'done B1.2 2031-01', coChair);
    const notMeeting = await mutation(t, es ? 'fecha B1.3 2024-05-14' : 'schedule B1.3 2024-05-14', coChair);
    const badDate = await mutation(t, es ? 'fecha B1.2 14/05/2024' : 'schedule B1.2 14/05/2024', coChair);
    expect(unknown.params.text).toContain('B9.9');
    expect(noOccurrence.params.text).toContain('2031-01');
    expect(notMeeting.params.text).toContain(es ? 'B1.3 no es una reunión' : 'B1.3 is not a meeting');
    expect(badDate.params.text).toContain(es ? '"14/05/2024" no es una fecha' : '"14/05/2024"');
    expect(t.stores.state.auditCount()).toBe(0);
    expect([unknown, noOccurrence, notMeeting, badDate].map(visible)).toMatchSnapshot();
  });
});

describe('/gcm reminders', () => {
  /** A bot that has run one reminder pass at 24 April 2024 10:00 in which one post failed (a 500 from Slack). */
  async function afterOneFailedPost() {
    const t = await startBot({ GCM_REMINDER_CHANNEL: channel });
    t.standin.failNext('chat.postMessage', { status: 500 });
    const pass = await t.bot.reminders.tick();
    expect(pass.failed).toHaveLength(1);
    return { t, failed: pass.failed[0]! };
  }

  it.each(langs)('a co-chair sees the channel, the timing, the next reminders and what has not gone out yet (%s)', async (lang) => {
    const { t, failed } = await afterOneFailedPost();
    const r = await mutation(t, lang === 'en' ? 'reminders' : 'recordatorios', coChair);
    const all = words(r);
    expect(all).toContain(lang === 'en' ? 'Reminders go to <#C0NETWORK>' : 'Los recordatorios van a <#C0NETWORK>');
    expect(all).toContain(lang === 'en' ? 'Weekly digest: Monday 09:00.' : 'Resumen semanal: lunes 09:00.');
    expect(all).toContain(lang === 'en' ? 'Not sent yet' : 'Aún no enviados');
    expect(all).toContain(failed);
    expect(all).toContain('America/Santiago');
    expect(visible(r)).toMatchSnapshot();
  });

  it.each(langs)('a member sees the same settings and next reminders, without the unsent ones (%s)', async (lang) => {
    const { t } = await afterOneFailedPost();
    const r = await mutation(t, lang === 'en' ? 'reminders' : 'recordatorios', member);
    const all = words(r);
    expect(all).toContain(lang === 'en' ? 'Reminders go to <#C0NETWORK>' : 'Los recordatorios van a <#C0NETWORK>');
    expect(all).not.toContain(lang === 'en' ? 'Not sent yet' : 'Aún no enviados');
    expect(all).toContain(lang === 'en' ? 'Next reminders' : 'Próximos recordatorios');
    expect(visible(r)).toMatchSnapshot();
  });

  it.each(langs)('after a permanent failure a co-chair sees what to do, Retry failed, and what the retry did (%s)', async (lang) => {
    const t = await startBot({ GCM_REMINDER_CHANNEL: channel });
    t.standin.failNext('chat.postMessage', { error: 'not_in_channel' });
    await t.bot.reminders.tick();
    t.standin.locales.set(coChair, lang === 'en' ? 'en-US' : 'es-ES');
    const status = await mutation(t, lang === 'en' ? 'reminders' : 'recordatorios', coChair);
    expect(words(status)).toContain(lang === 'en' ? 'Retry failed' : 'Reintentar fallidos');
    expect(visible(status)).toMatchSnapshot();
    const retried = await mutation(t, lang === 'en' ? 'reminders retry' : 'recordatorios reintentar', coChair);
    expect(words(retried)).toContain(lang === 'en' ? '1 failed message was queued again' : '1 mensaje fallido volvió a la cola');
    expect(visible(retried)).toMatchSnapshot();
  });

  it.each(langs)('without a reminder channel it says that none are posted (%s)', async (lang) => {
    const t = await startBot();
    const r = await mutation(t, lang === 'en' ? 'reminders' : 'recordatorios', member);
    expect(words(r)).toContain('GCM_REMINDER_CHANNEL');
    expect(visible(r)).toMatchSnapshot();
  });
});

describe('/gcm focal', () => {
  it.each(langs)('with nobody named, the list says how to name focal points (%s)', async (lang) => {
    const t = await startBot();
    const r = await mutation(t, lang === 'en' ? 'focal' : 'enlace', member);
    expect(words(r)).toContain(lang === 'en' ? '/gcm focal' : '/gcm enlace OIM @ana');
    expect(visible(r)).toMatchSnapshot();
  });

  it.each(langs)("a co-chair names an agency's focal points, then the list shows them (%s)", async (lang) => {
    const t = await startBot();
    const es = lang === 'es';
    const change = await mutation(t, es ? 'enlace OIM <@U0ANA|ana> <@U0LUIS|luis>' : 'focal IOM <@U0ANA|ana> <@U0LUIS|luis>', coChair);
    const remove = await mutation(t, es ? 'enlace OIM quitar <@U0LUIS|luis>' : 'focal IOM remove <@U0LUIS|luis>', coChair);
    const list = await mutation(t, es ? 'enlace' : 'focal', member);
    const one = await mutation(t, es ? 'enlace OIM' : 'focal IOM', member);
    expect(change.params.text).toContain(es ? '@U0ANA, @U0LUIS ahora responden por OIM' : '@U0ANA, @U0LUIS now answer for IOM');
    expect(remove.params.text).toContain(es ? '@U0LUIS ya no responde por OIM' : '@U0LUIS no longer answers for IOM');
    expect(words(list)).toContain(es ? 'Enlaces' : 'Focal points');
    expect(words(list)).toContain('<@U0ANA>');
    expect(words(one)).toContain('<@U0ANA>');
    expect(t.stores.state.focalPointsOf('IOM')).toEqual(['U0ANA']);
    expect({ change: visible(change), remove: visible(remove), list: visible(list), one: visible(one) }).toMatchSnapshot();
  });

  it.each(langs)('a member may not name someone else (%s)', async (lang) => {
    const t = await startBot();
    const r = await mutation(t, lang === 'en' ? 'focal IOM <@U0ANA>' : 'enlace OIM <@U0ANA>', member);
    expect(words(r)).toContain(lang === 'en' ? 'Pick your agency in the App Home first' : 'Elija primero su agencia');
    expect(visible(r)).toMatchSnapshot();
  });
});

describe('/gcm report', () => {
  /** Marks done, through /gcm done at the time it happened, what the first quarter of 2024 reports. */
  async function botWithQ1Marks(): Promise<TestBot> {
    const t = await startBot({}, '2024-02-02T12:00:00');
    await mutation(t, 'done B1.2 2024-02', coChair);
    t.clock.set(at('2024-02-10T12:00:00'));
    await mutation(t, 'done B1.4 2024-01', coChair);
    t.clock.set(at('2024-03-15T12:00:00'));
    await mutation(t, 'done B1.5', coChair);
    t.clock.set(at('2024-04-24T10:00:00'));
    return t;
  }

  const cases = {
    en: {
      command: 'report 2024-01-01 2024-03-31',
      title: 'Progress report, 1 January 2024 to 31 March 2024',
      lines: [
        '1 of 26 activities done · 3 of 62 occurrences',
        'Done in the period (3)',
        'B1.2 · February 2024 · <@U0COCHAIR> · 2 February 2024',
        'The full report is attached',
      ],
      file: ['# Progress report, 1 January 2024 to 31 March 2024', '| **All priorities** | **1 / 26** | **3 / 62** | |'],
    },
    es: {
      // Without dates: the last full quarter.
      command: 'informe',
      title: 'Informe de avance, del 1 de enero de 2024 al 31 de marzo de 2024',
      lines: [
        '1 de 26 actividades hechas · 3 de 62 ocurrencias',
        'Hecho en el período (3)',
        'B1.2 · febrero de 2024 · <@U0COCHAIR> · 2 de febrero de 2024',
        'El informe completo va adjunto',
      ],
      file: ['# Informe de avance, del 1 de enero de 2024 al 31 de marzo de 2024', '| **Todas las prioridades** | **1 / 26** | **3 / 62** | |'],
    },
  };

  it.each(langs)('a co-chair gets the summary, and the full report is uploaded to the channel as a Markdown file (%s)', async (lang) => {
    const t = await botWithQ1Marks();
    const c = cases[lang];
    const r = await mutation(t, c.command, coChair);
    expect(r.params.text).toBe(c.title);
    for (const line of c.lines) expect(words(r)).toContain(line);
    expect(t.standin.callsOf('files.completeUploadExternal')[0]!.params.channel_id).toBe(channel);
    const files = [...t.standin.files.values()];
    expect(files).toHaveLength(1);
    expect(files[0]!.filename).toBe('gcm-report-2024-01-01-2024-03-31.md');
    expect(files[0]!.title).toBe(c.title);
    const file = uploadedFile(files[0]!);
    for (const line of c.file) expect(file.content).toContain(line);
    expect(file.content.startsWith(`${c.file[0]}\n`)).toBe(true);
    expect(visible(r)).toMatchSnapshot('summary');
    expect(file).toMatchSnapshot('file');
  });

  it.each(langs)('when the file cannot be uploaded, the summary still comes and says so (%s)', async (lang) => {
    const t = await botWithQ1Marks();
    t.standin.failNext('files.getUploadURLExternal', { status: 500 });
    const r = await mutation(t, cases[lang].command, coChair);
    expect(r.params.text).toBe(cases[lang].title);
    expect(words(r)).toContain(lang === 'en' ? 'could not be attached' : 'No se pudo adjuntar el informe completo');
    expect(words(r)).toContain('npm run report');
    expect(t.standin.callsOf('files.completeUploadExternal')).toHaveLength(0);
    expect(visible(r)).toMatchSnapshot();
  });

  it.each(langs)('bad periods get a clear reply (%s)', async (lang) => {
    const t = await startBot();
    const word = lang === 'en' ? 'report' : 'informe';
    const order = await mutation(t, `${word} 2024-04-01 2024-03-31`, coChair);
    const notDate = await mutation(t, `${word} yesterday`, coChair);
    const outside = await mutation(t, `${word} 2031-01-01 2031-03-31`, coChair);
    expect(order.params.text).toMatch(lang === 'en' ? /starts after it ends/ : /empieza después de terminar/);
    expect(notDate.params.text).toContain('"yesterday"');
    expect(outside.params.text).toContain('2031-01-01');
    expect([order, notDate, outside].map(visible)).toMatchSnapshot();
  });
});
