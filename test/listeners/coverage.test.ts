import { describe, expect, it } from 'vitest';
import { chartProblems, type MessageBlock } from '../../src/views/chart.js';
import { coChair, eventually, member, startBot } from '../helpers/slack.js';

type Msg = { text: string; blocks: MessageBlock[]; response_type: string };
const plan = 'lac-2023-2024';

const charts = (m: Msg) => m.blocks.filter((b) => b.type === 'data_visualization');
const shown = (m: Msg) => JSON.stringify(m.blocks);

describe('/gcm coverage through the real bot (signed requests)', () => {
  it('a member gets the 14 objectives served, the 9 not served said plainly, and one chart inside its limits', async () => {
    const t = await startBot();
    const res = await t.command('coverage', member);
    expect(res.status).toBe(200);
    const m = res.json as Msg;
    expect(m.response_type).toBe('ephemeral');
    expect(m.text).toBe(
      "The plan's thematic priorities serve 14 of the 23 GCM objectives. No activity of the plan serves these 9 objectives: 2, 3, 4, 11, 12, 13, 14, 18, 20.",
    );
    expect(chartProblems(m.blocks)).toEqual([]);
    const [chart] = charts(m);
    if (chart?.type !== 'data_visualization' || chart.chart.type !== 'bar') throw new Error('no bar chart');
    expect(chart.chart.axis_config.categories).toEqual(['1', '5', '6', '7', '8', '9', '10', '15', '16', '17', '19', '21', '22', '23']);
    expect(shown(m)).toContain('The chart shows, for each objective served, its occurrences done and all of them: 1: Done 0, All 2; 5: Done 0, All 4');
    expect(shown(m)).toContain('The basic priorities (B1, B2, B3, B4) serve the Compact as a whole');
  });

  it('in Spanish (cobertura), for the plan plan:ID names, and counts what a co-chair marks done', async () => {
    const t = await startBot();
    await t.command('done T1.1', coChair);
    await eventually(() => t.stores.state.completions(plan).has('T1.1'));
    const m = (await t.command(`cobertura plan:${plan}`)).json as Msg;
    expect(m.text).toContain('Las prioridades temáticas del plan sirven 14 de los 23 objetivos del Pacto Mundial.');
    expect(m.text).toContain('Ninguna actividad del plan sirve estos 9 objetivos: 2, 3, 4, 11, 12, 13, 14, 18, 20.');
    expect(shown(m)).toContain('2 actividades · 1 de 2 ocurrencias hechas');
    expect(shown(m)).toContain('1: Hechas 1, Todas 2');
    expect(shown(m)).toContain('T1.1 1/1');
  });

  it('an unknown plan:ID is a clear answer naming the loaded plans, not a chart', async () => {
    const t = await startBot();
    const m = (await t.command('coverage plan:nope')).json as Msg;
    expect(charts(m)).toEqual([]);
    expect(m.text).toContain('nope');
    expect(m.text).toContain(plan);
  });
});
