import { describe, expect, it } from 'vitest';
import { eventually, member, startBot } from '../helpers/slack.js';

type Msg = { text: string; blocks: unknown[] };

describe('Did you mean…: several close candidates give buttons that re-answer the picked command', () => {
  it('/gcm OIMM offers IOM and WMO; a click replaces the message with the answer for IOM', async () => {
    const t = await startBot();
    const answer = (await t.command('OIMM')).json as Msg;
    const blocks = JSON.stringify(answer.blocks);
    expect(blocks).toContain('gcm_pick_choice');
    expect(blocks).toContain('IOM');
    expect(blocks).toContain('WMO');
    const res = await t.click(answer, 'gcm_pick_choice', member);
    expect(res.status).toBe(200);
    const replaced = await eventually(() => t.standin.callsOf('response_url').find((c) => c.params.replace_original === true));
    const shown = JSON.stringify(replaced.params.blocks);
    expect(shown).toContain('You picked `/gcm IOM`');
    expect(shown).toContain('International Organization for Migration');
  });

  it('a typo close to one keyword answers that command and says what it understood, in the keyword language', async () => {
    const t = await startBot();
    const answer = (await t.command('objetvo 8')).json as Msg;
    const blocks = JSON.stringify(answer.blocks);
    expect(blocks).toContain('Mostrando objetivo 8: escribiste *objetvo*.');
    expect(blocks).toContain('T1.1');
  });
});
