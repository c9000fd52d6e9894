import { describe, expect, it } from 'vitest';
import { defaultDataDir, defaultPlanFile } from '../../src/config.js';
import { importPlanFile } from '../../src/plan/import-plan.js';
import { channel, coChair, eventually, member, startBot } from '../helpers/slack.js';
import { at } from '../helpers/stores.js';

const replies = (t: Awaited<ReturnType<typeof startBot>>) => t.standin.callsOf('response_url').map((c) => String(c.params.text));

describe('/gcm focal', () => {
  it('a co-chair names, lists and removes focal points; each change has an audit row; they survive a re-import', async () => {
    const t = await startBot();
    // Each reply before the next command: adding people asks Slack (users.info) first, so a later command
    // sent at once could answer before it.
    await t.command('focal IOM <@U0ANA|ana> <@U0LUIS|luis>', coChair);
    await eventually(() => replies(t).length === 1);
    await t.command('focal IOM', member);
    await eventually(() => replies(t).length === 2);
    await t.command('enlace OIM quitar <@U0LUIS|luis>', coChair);
    await eventually(() => replies(t).length === 3);
    await t.command('focal', member);
    await eventually(() => replies(t).length === 4);
    const r = replies(t);
    expect(r[0]).toMatch(/@U0ANA, @U0LUIS now answer for IOM/);
    expect(r[1]).toMatch(/IOM\*?: @U0ANA, @U0LUIS/);
    expect(r[2]).toMatch(/@U0LUIS ya no responde por OIM \(IOM\)/);
    expect(r[3]).toMatch(/Focal points/);
    expect(t.stores.state.focalPointsOf('IOM')).toEqual(['U0ANA']);
    expect(t.stores.state.auditCount()).toBe(3);
    const again = importPlanFile(t.stores, defaultPlanFile, defaultDataDir, '2024-05-01T00:00:00Z');
    expect(again.ok).toBe(true);
    expect(t.stores.state.focalPointsOf('IOM')).toEqual(['U0ANA']);
  });

  it('a member may add or remove only themselves, and only for their own agency', async () => {
    const t = await startBot();
    await t.command(`focal UNDP <@${member}>`, member);
    await eventually(() => replies(t).length === 1);
    expect(replies(t)[0]).toMatch(/Pick your agency in the App Home first/);
    t.stores.state.setUserAgency(member, 'UNDP', '2024-04-24T00:00:00Z');
    await t.command(`focal PNUD <@${member}|luis>`, member);
    await eventually(() => replies(t).length === 2);
    await t.command('focal UNDP <@U0OTHER>', member);
    await eventually(() => replies(t).length === 3);
    await t.command(`focal IOM <@${member}>`, member);
    await eventually(() => replies(t).length === 4);
    await t.command(`focal UNDP remove <@${member}>`, member);
    await eventually(() => replies(t).length === 5);
    const r = replies(t);
    expect(r[1]).toMatch(/now answers for UNDP/);
    expect(r[2]).toMatch(/your own agency \(UNDP/);
    expect(r[3]).toMatch(/your own agency \(UNDP/);
    expect(r[4]).toMatch(/no longer answers for UNDP/);
    expect(t.stores.state.focalPoints().size).toBe(0);
  });

  it('bad input gets a helpful answer', async () => {
    const t = await startBot();
    await t.command('focal IOM @ana', coChair);
    await t.command('focal Starfleet <@U0ANA>', coChair);
    await t.command('focal IOM remove', coChair);
    await eventually(() => replies(t).length === 3);
    expect(replies(t)[0]).toMatch(/not a Slack mention/);
    expect(replies(t)[1]).toMatch(/No agency matches "Starfleet"/);
    expect(replies(t)[2]).toMatch(/Whom\?/);
  });
});

describe('reminders that reach the right people', () => {
  it("a reminder mentions the lead agencies' focal points; supporting agencies are named, not mentioned", async () => {
    const t = await startBot({ GCM_REMINDER_CHANNEL: channel }, '2024-04-24T08:00:00');
    await t.command('focal IOM <@U0ANA>', coChair);
    await t.command('focal ECLAC <@U0CEPAL>', coChair);
    await t.command('focal UNFPA <@U0FPA>', coChair);
    await eventually(() => replies(t).length === 3);
    t.clock.set(at('2024-04-24T09:00:00'));
    await t.bot.reminders.tick();
    const b12 = t.standin.messages.find((m) => JSON.stringify(m.metadata ?? {}).includes('B1.2@2024-05'))!;
    const text = JSON.stringify(b12.blocks);
    expect(text).toContain('<@U0ANA>');
    expect(text).toContain('<@U0CEPAL>');
    expect(text).not.toContain('<@U0FPA>');
    const b31 = t.standin.messages.find((m) => JSON.stringify(m.metadata ?? {}).includes('B3.1@2024-05'))!;
    expect(JSON.stringify(b31.blocks)).not.toMatch(/<@U0(ANA|CEPAL)>/);
  });

  it("an overdue occurrence gets exactly one follow-up, 3 days after its due date, in the reminder's thread, mentioning focal points and co-chairs", async () => {
    const t = await startBot({ GCM_REMINDER_CHANNEL: channel }, '2024-04-29T09:00:00');
    t.stores.state.changeFocalPoints('IOM', ['U0ANA'], [], { userId: coChair, source: 'test' }, '2024-04-01T00:00:00Z');
    await t.bot.reminders.tick();
    const reminder = t.standin.messages.find((m) => JSON.stringify(m.metadata ?? {}).includes('B1.3@2024-04|1'))!;
    // B1.3@2024-04 is due Tuesday 30 April; 3 days later is Friday 3 May, 09:00.
    t.clock.set(at('2024-05-03T08:59:00'));
    expect((await t.bot.reminders.tick()).sent.filter((k) => k.endsWith('followup'))).toEqual([]);
    t.clock.set(at('2024-05-03T09:00:00'));
    const r = await t.bot.reminders.tick();
    expect(r.sent.filter((k) => k.includes('B1.3@2024-04'))).toEqual(['lac-2023-2024|B1.3@2024-04|followup']);
    const followup = t.standin.messages.find((m) => JSON.stringify(m.metadata ?? {}).includes('B1.3@2024-04|followup'))!;
    expect(followup.threadTs).toBe(reminder.ts);
    const text = JSON.stringify(followup.blocks);
    expect(text).toContain('Follow-up: this was due on 30 April 2024');
    expect(text).toContain('<@U0ANA>');
    expect(text).toContain(`<@${coChair}>`);
    expect(text).toContain('gcm_mark_done');
    // Nothing more after that: a follow-up, not a nag.
    for (const d of ['2024-05-04T09:00:00', '2024-05-06T09:00:00', '2024-05-10T09:00:00']) {
      t.clock.set(at(d));
      const again = await t.bot.reminders.tick();
      expect(again.sent.filter((k) => k.includes('B1.3@2024-04'))).toEqual([]);
    }
  });

  it('a done occurrence gets no follow-up; the first start never floods the channel with the past', async () => {
    const t = await startBot({ GCM_REMINDER_CHANNEL: channel }, '2024-04-29T09:00:00');
    await t.bot.reminders.tick();
    t.stores.state.markDone('lac-2023-2024', 'B1.3', 'B1.3@2024-04', { userId: coChair, source: 'test' }, '2024-05-01T00:00:00Z');
    t.clock.set(at('2024-05-03T09:00:00'));
    const r = await t.bot.reminders.tick();
    expect(r.sent.filter((k) => k.includes('B1.3@2024-04'))).toEqual([]);
    expect(r.sent.filter((k) => k.endsWith('followup')).sort()).toEqual(['lac-2023-2024|B1.4@2024-04|followup']);
    // Every older overdue occurrence was recorded as skipped at the first pass, not posted.
    expect(t.stores.reminders.get('lac-2023-2024|B1.2@2024-02|followup')!.status).toBe('skipped');
  });
});
