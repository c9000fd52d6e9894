import { describe, expect, it } from 'vitest';
import { chartProblems } from '../../src/views/chart.js';
import { channel, coChair, eventually, member, startBot, type TestBot } from '../helpers/slack.js';
import { everyStatus, now, q2Report } from './fixture.js';

type Block = { type: string; title?: string; chart?: { series: { name: string; data: { value: number }[] }[] } };

/** The answer to `/gcm text` through the response_url, and the file the bot uploaded, once both came. */
async function ask(t: TestBot, text: string, user: string) {
  const ack = await t.command(text, user);
  expect(ack.status).toBe(200);
  const answer = await eventually(() => t.standin.callsOf('response_url')[0]);
  const params = answer.params as { text: string; blocks: Block[]; response_type?: string };
  return { answer: params, file: [...t.standin.files.values()].find((f) => f.filename.endsWith('.md')) };
}

describe('/gcm brief: the co-chairs’ update, signed requests through the real Bolt app', () => {
  it('answers a co-chair privately with the summary, two charts with their numbers, and the narrative; the file goes to their direct messages', async () => {
    const t = await startBot({}, now);
    everyStatus(t.stores);
    const { answer, file } = await ask(t, 'brief', coChair);
    expect(answer.response_type ?? 'ephemeral').toBe('ephemeral');
    const charts = answer.blocks.filter((b) => b.type === 'data_visualization');
    expect(charts.map((c) => c.title)).toEqual(['Occurrences by status, by priority', 'Occurrences due and done, by month']);
    expect(chartProblems(answer.blocks)).toEqual([]);
    expect(answer.blocks.length).toBeLessThanOrEqual(50);
    // The status chart's series are the report's counts by status at the end of the period, per priority.
    const r = q2Report(t.stores);
    const done = charts[0]!.chart!.series.find((s) => s.name === 'done')!;
    expect(done.data.map((d) => d.value)).toEqual(r.priorities.map((p) => p.byStatus.done));
    const json = JSON.stringify(answer.blocks);
    expect(json).toContain('Periodic update, 1 April 2024 to 30 June 2024');
    expect(json).toContain('The full update went to your direct messages with the bot');
    expect(json).not.toMatch(/<!channel>|<!here>|<@U123>|<https:\/\/x\.org\|/);
    expect(file?.channel).toBe(t.standin.dmChannelOf(coChair));
    expect(file?.channel).not.toBe(channel);
    expect(file?.filename).toBe('gcm-update-2024-04-01-2024-06-30.md');
    expect(String(file?.content)).toContain('# Periodic update, 1 April 2024 to 30 June 2024');
    expect(file?.initialComment).toBe('Periodic update, 1 April 2024 to 30 June 2024: the file you asked for with `/gcm brief`, for you only.');
  });

  it('refuses a member in their language, and nothing is uploaded', async () => {
    const t = await startBot({}, now);
    const en = await ask(t, 'brief 2024-04-01 2024-06-30', member);
    expect(JSON.stringify(en.answer)).toContain('Only the co-chairs can prepare the periodic update. Nothing was changed.');
    expect(en.file).toBeUndefined();
    const es = await startBot({}, now);
    const refused = await ask(es, 'resumen', member);
    expect(JSON.stringify(refused.answer)).toContain('Solo la copresidencia puede preparar la actualización periódica. No se cambió nada.');
    expect(es.standin.callsOf('files.completeUploadExternal')).toHaveLength(0);
  });

  it('resumen answers a co-chair in Spanish; bad dates get a clear answer naming the command', async () => {
    const t = await startBot({}, now);
    const { answer } = await ask(t, 'resumen 2024-04-01 2024-06-30 plan:lac-2023-2024', coChair);
    expect(JSON.stringify(answer.blocks)).toContain('Actualización periódica, del 1 de abril de 2024 al 30 de junio de 2024');
    expect(answer.blocks.filter((b) => b.type === 'data_visualization').map((b) => b.title)).toEqual([
      'Ocurrencias por estado, por prioridad',
      'Ocurrencias que vencen y hechas, por mes',
    ]);
    const bad = await startBot({}, now);
    const wrong = await ask(bad, 'brief 2024-13-01 2024-06-30', coChair);
    expect(JSON.stringify(wrong.answer)).toContain('\\"2024-13-01\\" is not a date');
    expect(JSON.stringify(wrong.answer)).toContain('`brief 2024-01-01 2024-03-31`');
  });

  it('resumen is the brief only as a command: a member typing it alone is refused, a question in plain words starting with it is answered', async () => {
    const t = await startBot({}, now);
    const alone = await t.command('resumen 2024-04-01 2024-06-30', member);
    const refused = await eventually(() => t.standin.callsOf('response_url')[0]);
    expect(alone.status).toBe(200);
    expect(JSON.stringify(refused.params)).toContain('Solo la copresidencia puede preparar la actualización periódica');
    const ack = await t.command('resumen de la actividad B1.2', member);
    expect(ack.status).toBe(200);
    expect(ack.body).toContain('B1.2');
    expect(ack.body).not.toContain('Solo la copresidencia');
  });
});
