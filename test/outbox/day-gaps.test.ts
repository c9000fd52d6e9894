import { describe, expect, it } from 'vitest';
import { dayGap } from '../../src/domain/day-gap.js';
import { channel, startBot } from '../helpers/slack.js';

const env = { GCM_REMINDER_CHANNEL: channel };

/** The title line of every reminder posted for an occurrence due `due` (its header says so). */
async function titlesPosted(now: string, due: string): Promise<string[]> {
  const t = await startBot(env, now);
  await t.bot.reminders.tick();
  return t.standin
    .callsOf('chat.postMessage')
    .map((c) => JSON.stringify(c.params.blocks ?? []))
    .filter((blocks) => blocks.includes(`Due ${due}`))
    .map((blocks) => /\*(Reminder[^*]*)\*/.exec(blocks)?.[1] ?? '(no title)');
}

describe('a reminder says the real gap between the day it goes out and the due date', () => {
  it('on Friday 28 June 2024, the 1-day reminder of an occurrence due Sunday 30 June (moved off Saturday) says "due in 2 days"', async () => {
    const titles = await titlesPosted('2024-06-28T09:00:00', '30 June 2024');
    expect(titles.length).toBeGreaterThan(0);
    expect(new Set(titles)).toEqual(new Set(['Reminder: due in 2 days']));
  });

  it('on Friday 21 June 2024, the 7-day reminder of the same occurrence (moved off Sunday 23 June) says "due in 9 days"', async () => {
    const titles = await titlesPosted('2024-06-21T09:00:00', '30 June 2024');
    expect(titles.length).toBeGreaterThan(0);
    expect(new Set(titles)).toEqual(new Set(['Reminder: due in 9 days']));
  });
});

describe('dayGap: whole calendar days between two local dates', () => {
  it('counts days on the calendar, across a change of clocks and a year end', () => {
    expect(dayGap('2024-06-28', '2024-06-30')).toBe(2);
    expect(dayGap('2024-06-28', '2024-07-01')).toBe(3);
    expect(dayGap('2024-06-30', '2024-06-30')).toBe(0);
    expect(dayGap('2024-07-02', '2024-06-30')).toBe(-2);
    // Santiago leaves summer time on 7 April 2024 and returns on 8 September: still whole days.
    expect(dayGap('2024-04-06', '2024-04-08')).toBe(2);
    expect(dayGap('2024-09-07', '2024-09-09')).toBe(2);
    expect(dayGap('2024-12-31', '2025-01-01')).toBe(1);
  });
});
