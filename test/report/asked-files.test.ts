import { describe, expect, it } from 'vitest';
import { channel, coChair, eventually, member, startBot, type TestBot } from '../helpers/slack.js';

/** The file `/gcm text` uploaded, once the bot answered, with the answer's words. */
async function ask(t: TestBot, text: string, user: string) {
  await t.command(text, user);
  const answer = await eventually(() => t.standin.callsOf('response_url')[0]);
  const file = [...t.standin.files.values()].at(-1);
  return { answer: JSON.stringify(answer.params.blocks), file };
}

describe('a file someone asks for says what it is and who asked, and a member’s goes to them privately', () => {
  it('a member’s report goes to their direct messages (conversations.open, then the upload there), with a line saying what it is and how to share it', async () => {
    const t = await startBot();
    const { answer, file } = await ask(t, 'report 2024-01-01 2024-03-31', member);
    expect(t.standin.callsOf('conversations.open').map((c) => c.params.users)).toEqual([member]);
    const dm = t.standin.dmChannelOf(member);
    expect(file?.channel).toBe(dm);
    expect(file?.channel).not.toBe(channel);
    expect(file?.initialComment).toBe(
      'Progress report, 1 January 2024 to 31 March 2024: the file you asked for with `/gcm report 2024-01-01 2024-03-31`, here for you only. To share it in the channel: `/gcm report 2024-01-01 2024-03-31 share`.',
    );
    expect(answer).toContain('The file went to your direct messages with the bot');
    expect(t.standin.callsOf('files.completeUploadExternal').every((c) => c.params.channel_id === dm)).toBe(true);
  });

  it('a co-chair’s report goes to the channel, naming who asked and with which command', async () => {
    const t = await startBot();
    const { answer, file } = await ask(t, 'report 2024-01-01 2024-03-31', coChair);
    expect(t.standin.callsOf('conversations.open')).toHaveLength(0);
    expect(file?.channel).toBe(channel);
    expect(file?.initialComment).toBe(
      `Progress report, 1 January 2024 to 31 March 2024, asked for by <@${coChair}> with \`/gcm report 2024-01-01 2024-03-31\`.`,
    );
    expect(answer).not.toContain('direct messages');
  });

  it('a member who adds share gets it in the channel, with who asked; in Spanish, compartir', async () => {
    const t = await startBot();
    const { file } = await ask(t, 'report 2024-01-01 2024-03-31 share', member);
    expect(file?.channel).toBe(channel);
    expect(file?.initialComment).toBe(
      `Progress report, 1 January 2024 to 31 March 2024, asked for by <@${member}> with \`/gcm report 2024-01-01 2024-03-31 share\`.`,
    );
    const es = await startBot();
    const shared = await ask(es, 'calendario OIM compartir', member);
    expect(shared.file?.channel).toBe(channel);
    expect(shared.file?.filename).toBe('gcm-lac-2023-2024-IOM.ics');
    expect(shared.file?.initialComment).toMatch(new RegExp(`, pedido por <@${member}> con \`/gcm calendario OIM compartir\`\\.$`));
  });

  it('a member’s calendar, in Spanish, goes to their direct messages with a Spanish line', async () => {
    const t = await startBot();
    const { answer, file } = await ask(t, 'calendario OIM', member);
    expect(file?.channel).toBe(t.standin.dmChannelOf(member));
    expect(file?.initialComment).toMatch(
      /: el archivo que pidió con `\/gcm calendario OIM`, aquí solo para usted\. Para compartirlo en el canal: `\/gcm calendario OIM compartir`\.$/,
    );
    expect(answer).toContain('El archivo fue a sus mensajes directos con el bot');
  });

  it('when the direct message cannot be opened (no im:write), nothing is uploaded and the answer says the file could not be attached', async () => {
    const t = await startBot();
    t.standin.failNext('conversations.open', { error: 'missing_scope' });
    const { answer, file } = await ask(t, 'report 2024-01-01 2024-03-31', member);
    expect(file).toBeUndefined();
    expect(answer).toContain('could not be attached');
    expect(t.logs.some((l) => l.includes('could not open a direct message'))).toBe(true);
  });
});
