import { describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/commands/ask.js';
import { anyMember } from '../../src/domain/answers.js';
import { messages } from '../../src/i18n/messages.js';
import { answerMessage } from '../../src/views/message-view.js';
import { renderText } from '../../src/views/text-view.js';
import { coChair, member, startBot } from '../helpers/slack.js';
import { contextAt, loadedStores } from '../helpers/stores.js';

const say = (json: unknown) => JSON.stringify(json);

describe('no terminal command shown to a member in Slack', () => {
  it('after the plan ended, a member is told whom to ask, a co-chair what to do; the answer cache keeps both apart', async () => {
    const t = await startBot({ GCM_CO_CHAIRS_USERGROUP: 'S0CHAIRS' }, '2025-01-20T10:00:00');
    t.standin.usergroups.set('S0CHAIRS', ['U0CHAIR2']);
    const asMember = say((await t.command('upcoming', member)).json);
    const asCoChair = say((await t.command('upcoming', coChair)).json);
    const asMemberAgain = say((await t.command('upcoming', member)).json);
    const asGroupChair = say((await t.command('upcoming', 'U0CHAIR2')).json);
    expect(asMember).toContain('The next plan is loaded by the co-chairs (<@U0COCHAIR>, <!subteam^S0CHAIRS>): ask them about it.');
    expect(asMember).not.toContain('npm run');
    expect(asCoChair).toContain('have whoever runs the bot load its file with `npm run plan:import -- FILE`');
    expect(asMemberAgain).toBe(asMember);
    expect(asGroupChair).toBe(asCoChair);
  });

  it('with no plan loaded: a member is told to ask the co-chairs; the terminal keeps the command', () => {
    const en = messages('en');
    const es = messages('es');
    expect(en.error({ code: 'no_plan' })).toBe('No work plan is loaded yet. Ask the co-chairs to load one.');
    expect(en.error({ code: 'no_plan' }, { kind: 'member', coChairs: ['U1', 'U2'], usergroup: null })).toBe(
      'No work plan is loaded yet. Ask the co-chairs (<@U1>, <@U2>) to load one.',
    );
    expect(es.error({ code: 'no_plan' }, anyMember)).toBe('Todavía no hay un plan de trabajo cargado. Pida a la copresidencia que lo cargue.');
    expect(en.error({ code: 'no_plan' }, { kind: 'coChair' })).toContain('npm run plan:import -- FILE');
    expect(en.error({ code: 'no_plan' }, { kind: 'terminal' })).toBe('No work plan is loaded yet. Load one with `npm run plan:import -- FILE`.');
    const answer = { kind: 'error', lang: 'en', error: { code: 'no_plan' } } as const;
    const slack = answerMessage(answer, loadedStores().directory(), {
      command: 'upcoming',
      interactive: true,
      audience: { kind: 'member', coChairs: ['U1'], usergroup: null },
    });
    expect(say(slack)).toContain('Ask the co-chairs (<@U1>) to load one.');
    expect(say(slack)).not.toContain('npm run');
  });

  it('the terminal (npm run ask) keeps the command after the plan ended', () => {
    const stores = loadedStores();
    const answer = askQuestion(contextAt(stores, '2025-01-20T10:00:00'), 'upcoming', 'en');
    expect(renderText(answer, stores.directory())).toContain('npm run plan:import -- FILE');
  });
});
