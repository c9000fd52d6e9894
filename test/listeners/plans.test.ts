import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, projectRoot } from '../../src/config.js';
import { homeData } from '../../src/domain/home.js';
import { importPlanFile } from '../../src/plan/import-plan.js';
import { homeView } from '../../src/views/home-view.js';
import { coChair, eventually, startBot, type TestBot } from '../helpers/slack.js';
import { at } from '../helpers/stores.js';

type Msg = { text: string; blocks: unknown[] };

/** The second plan of the tests: 1 March 2025 to 31 December 2026, after the bundled plan's end. */
const nextPlanFile = path.join(projectRoot, 'test/fixtures/plans/lac-2025-2026.yaml');

/** The bot with both plans loaded. */
async function twoPlans(env: Record<string, string> = {}, now?: string): Promise<TestBot> {
  const t = await startBot(env, now);
  const r = importPlanFile(t.stores, nextPlanFile, defaultDataDir, '2025-02-01T12:00:00.000Z');
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return t;
}

const shown = (m: Msg) => JSON.stringify(m.blocks);

describe('several plans: /gcm plan', () => {
  it('lists the loaded plans with their periods, which is current, and when and from which file each was imported', async () => {
    const t = await twoPlans();
    const answer = (await t.command('plan')).json as Msg;
    expect(answer.text).toBe('Loaded plans');
    const blocks = shown(answer);
    expect(blocks).toContain('*lac-2023-2024* _(current)_ Work Plan 2023-2024');
    expect(blocks).toContain('1 June 2023 to 31 December 2024');
    expect(blocks).toContain('*lac-2025-2026* Work Plan 2025-2026');
    expect(blocks).not.toContain('*lac-2025-2026* _(current)_');
    expect(blocks).toContain('imported 2025-02-01 12:00 UTC from `');
    expect(blocks).toContain('lac-2025-2026.yaml');
    expect(blocks).toContain('plan-2023-2024.yaml');
  });

  it('`plan` is a word both languages share: it answers in GCM_LANGUAGE; `planes` in Spanish, `plans` in English', async () => {
    const es = await twoPlans({ GCM_LANGUAGE: 'es' });
    const answer = (await es.command('plan')).json as Msg;
    expect(answer.text).toBe('Planes cargados');
    expect(shown(answer)).toContain('*lac-2023-2024* _(vigente)_');
    expect(shown(answer)).toContain('del 1 de marzo de 2025 al 31 de diciembre de 2026');
    expect(((await es.command('plans')).json as Msg).text).toBe('Loaded plans');
    const en = await twoPlans();
    expect(((await en.command('planes')).json as Msg).text).toBe('Planes cargados');
  });

  it('the current plan follows the clock: in 2025 the new plan is current', async () => {
    const t = await twoPlans({}, '2025-04-10T10:00:00');
    expect(shown((await t.command('plan')).json as Msg)).toContain('*lac-2025-2026* _(current)_');
  });
});

describe('several plans: plan:ID in any command', () => {
  it('objective and activity answer for the plan named, anywhere in the text; without it, the current plan', async () => {
    const t = await twoPlans();
    const next = (await t.command('objective 23 plan:lac-2025-2026')).json as Msg;
    expect(shown(next)).toContain('Regular pathways, 2025-2026');
    expect(shown(next)).not.toContain('T3.2');
    const current = (await t.command('objective 23')).json as Msg;
    expect(shown(current)).toContain('T3.2');
    const activity = (await t.command('plan:lac-2025-2026 activity B1.2')).json as Msg;
    expect(shown(activity)).toContain('Report on the follow-up of the Second Regional Review');
    expect(shown((await t.command('activity B1.2')).json as Msg)).toContain('quarterly meetings of the Regional Network for coordination');
    expect(shown((await t.command('B1.2 PLAN:lac-2023-2024')).json as Msg)).toContain('quarterly meetings of the Regional Network for coordination');
  });

  it('an unknown plan id is answered with the loaded ids, in the language asked', async () => {
    const t = await twoPlans();
    const answer = (await t.command('objective 23 plan:lac-2019')).json as Msg;
    expect(answer.text).toBe('No loaded plan has the id "lac-2019". Loaded plans: lac-2025-2026, lac-2023-2024 (`plan` lists them).');
    const es = (await t.command('objetivo 23 plan:nada')).json as Msg;
    expect(es.text).toContain('Ningún plan cargado tiene el id "nada". Planes cargados: lac-2025-2026, lac-2023-2024');
  });

  it('an unknown plan id is refused by every command, even one that reads no plan', async () => {
    const t = await twoPlans();
    for (const text of ['help plan:zz', 'principles plan:zz', 'plan plan:zz', 'agency plan:zz']) {
      const answer = (await t.command(text)).json as Msg;
      expect(answer.text, text).toContain('No loaded plan has the id "zz". Loaded plans: lac-2025-2026, lac-2023-2024');
    }
  });

  it('done marks an occurrence of the plan named, and an unknown id changes nothing', async () => {
    const t = await twoPlans();
    await t.command('done B1.2 plan:lac-2025-2026', coChair);
    await eventually(() => t.standin.callsOf('response_url')[0]);
    expect([...t.stores.state.completions('lac-2025-2026').keys()]).toEqual(['B1.2']);
    expect(t.stores.state.completions('lac-2023-2024').size).toBe(0);
    const before = t.stores.state.auditCount();
    await t.command('done B1.2 plan:nope', coChair);
    const reply = await eventually(() => t.standin.callsOf('response_url')[1]);
    expect(reply.params.text).toMatch(/No loaded plan has the id "nope"/);
    expect(t.stores.state.auditCount()).toBe(before);
  });

  it('schedule sets the date of a meeting of the plan named', async () => {
    const t = await twoPlans();
    await t.command('schedule B1.1 2025-06-12 plan:lac-2025-2026', coChair);
    await eventually(() => t.standin.callsOf('response_url')[0]);
    expect(t.stores.state.meetingDates('lac-2025-2026').get('B1.1@2025-06')).toBe('2025-06-12');
  });

  it("a button's re-answer keeps plan:ID: Mark done on the other plan's answer redraws that plan's answer", async () => {
    const t = await twoPlans();
    const answer = (await t.command('activity T1.1 plan:lac-2025-2026', coChair)).json as Msg;
    expect(shown(answer)).toContain('Map regular pathways in the region');
    await t.click(answer, 'gcm_mark_done', coChair);
    const replaced = await eventually(() => t.standin.callsOf('response_url').find((c) => c.params.replace_original === true));
    expect(JSON.stringify(replaced.params.blocks)).toContain('Map regular pathways in the region');
    expect(t.stores.state.completions('lac-2025-2026').has('T1.1')).toBe(true);
  });

  it('the report covers every plan a period overlaps, a section each; plan:ID covers the one named', async () => {
    const t = await twoPlans();
    await t.command('report 2024-10-01 2025-06-30');
    const reply = await eventually(() => t.standin.callsOf('response_url')[0]);
    const blocks = JSON.stringify(reply.params.blocks);
    expect(blocks).toContain('Work Plan 2023-2024 · ');
    expect(blocks).toContain('Work Plan 2025-2026 · ');
    const file = [...t.standin.files.values()][0]!;
    expect(file.content).toContain('Work Plan 2023-2024 (lac-2023-2024)');
    expect(file.content).toContain('Work Plan 2025-2026 (lac-2025-2026)');
    await t.command('report 2024-10-01 2025-06-30 plan:lac-2025-2026');
    const one = await eventually(() => t.standin.callsOf('response_url')[1]);
    expect(JSON.stringify(one.params.blocks)).toContain('Work Plan 2025-2026 · ');
    expect(JSON.stringify(one.params.blocks)).not.toContain('Work Plan 2023-2024');
  });
});

describe('npm run report over two plans', () => {
  it('gives a section per plan the period overlaps, or the one plan:ID names; an unknown id exits 2', async () => {
    const { runReport } = await import('../../src/cli/report.js');
    const { openStores } = await import('../../src/stores.js');
    const { tempDir } = await import('../helpers/stores.js');
    const db = path.join(tempDir(), 'gcm.sqlite');
    const stores = openStores(db);
    importPlanFile(stores, nextPlanFile, defaultDataDir, '2025-02-01T12:00:00.000Z');
    stores.close();
    const report = (args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = runReport(
        args,
        { DATABASE_PATH: db, GCM_NOW: '2025-07-10T10:00:00' },
        (s) => out.push(s),
        (s) => err.push(s),
      );
      return { code, out: out.join(''), err: err.join('\n') };
    };
    const both = report(['--from', '2024-10-01', '--to', '2025-06-30']);
    expect(both.code).toBe(0);
    expect(both.out).toContain('Work Plan 2023-2024 (lac-2023-2024)');
    expect(both.out).toContain('Work Plan 2025-2026 (lac-2025-2026)');
    expect(both.out.indexOf('lac-2023-2024')).toBeLessThan(both.out.indexOf('lac-2025-2026'));
    const json = JSON.parse(report(['--from', '2024-10-01', '--to', '2025-06-30', '--format', 'json']).out) as { planId: string }[];
    expect(json.map((r) => r.planId)).toEqual(['lac-2023-2024', 'lac-2025-2026']);
    const one = report(['--from', '2024-10-01', '--to', '2025-06-30', 'plan:lac-2025-2026']);
    expect(one.out).toContain('(lac-2025-2026)');
    expect(one.out).not.toContain('(lac-2023-2024)');
    const unknown = report(['plan:nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('No loaded plan has the id "nope"');
  });
});

describe('between two plans', () => {
  const between = 'Work Plan 2023-2024 ended on 31 December 2024; the next plan, Work Plan 2025-2026, starts on 1 March 2025.';

  it('upcoming says when the next plan starts', async () => {
    const t = await twoPlans({}, '2025-01-15T10:00:00');
    const answer = (await t.command('upcoming')).json as Msg;
    expect(shown(answer)).toContain(between);
    const es = (await t.command('próximo')).json as Msg;
    expect(shown(es)).toContain(
      'Work Plan 2023-2024 terminó el 31 de diciembre de 2024; el siguiente plan, Work Plan 2025-2026, empieza el 1 de marzo de 2025.',
    );
    // Once it has started, nothing of the kind.
    t.clock.set(at('2025-03-05T10:00:00'));
    expect(shown((await t.command('upcoming')).json as Msg)).not.toContain('ended on');
  });

  it('the App Home says it too', async () => {
    const t = await twoPlans({}, '2025-01-15T10:00:00');
    const ctx = { plans: t.stores.plans, state: t.stores.state, now: at('2025-01-15T10:00:00') };
    expect(JSON.stringify(homeView(homeData(ctx, null, 'en'), t.stores.directory()).blocks)).toContain(between);
    const during = { ...ctx, now: at('2025-04-15T10:00:00') };
    expect(JSON.stringify(homeView(homeData(during, null, 'en'), t.stores.directory()).blocks)).not.toContain('ended on');
  });
});

describe('several plans in the terminal', () => {
  it('npm run ask -- plan lists them; plan:ID picks one; an unknown id exits 2 with the loaded ids', async () => {
    const { runAsk } = await import('../../src/cli/ask.js');
    const { openStores } = await import('../../src/stores.js');
    const { tempDir } = await import('../helpers/stores.js');
    const db = path.join(tempDir(), 'gcm.sqlite');
    const stores = openStores(db);
    importPlanFile(stores, nextPlanFile, defaultDataDir, '2025-02-01T12:00:00.000Z');
    stores.close();
    const ask = (words: string) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = runAsk(
        words.split(' '),
        { DATABASE_PATH: db, GCM_NOW: '2024-04-24T10:00:00' },
        (s) => out.push(s),
        (s) => err.push(s),
      );
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const list = ask('plan');
    expect(list.code).toBe(0);
    expect(list.out).toContain('Loaded plans:');
    expect(list.out).toContain('• lac-2023-2024 (current)  Work Plan 2023-2024');
    expect(list.out).toContain('• lac-2025-2026  Work Plan 2025-2026');
    expect(list.out).toContain(`imported 2025-02-01 12:00 UTC from \`${nextPlanFile}\``);
    const b12 = ask('activity B1.2 plan:lac-2025-2026');
    expect(b12.code).toBe(0);
    expect(b12.out).toContain('Report on the follow-up of the Second Regional Review');
    expect(ask('activity B1.2 plan:lac-2023-2024').out).toContain('quarterly meetings');
    const unknown = ask('activity B1.2 plan:zzz');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('No loaded plan has the id "zzz". Loaded plans: lac-2025-2026, lac-2023-2024');
  });
});
