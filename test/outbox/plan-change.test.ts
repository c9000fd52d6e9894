import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LogLevel } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, defaultPlanFile, loadConfig, projectRoot } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { planChange } from '../../src/outbox/kinds/plan-change.js';
import { Outbox } from '../../src/outbox/outbox.js';
import { importPlanFile } from '../../src/plan/import-plan.js';
import { channel, startBot } from '../helpers/slack.js';
import { tempDir, zone } from '../helpers/stores.js';

type Bot = Awaited<ReturnType<typeof startBot>>;

function outboxOf(t: Bot, language = 'en'): Outbox {
  return new Outbox({
    stores: t.stores,
    clock: t.clock,
    client: new WebClient('xoxb-test', { slackApiUrl: t.standin.apiUrl, retryConfig: { retries: 0 } }),
    config: loadConfig({ GCM_REMINDER_CHANNEL: channel, GCM_TIMEZONE: zone, GCM_LANGUAGE: language }),
    logger: createLogger(() => {}, LogLevel.INFO),
    holder: 'plan-change-test',
    kinds: [planChange],
  });
}

/** A copy of `file` with `from` replaced by `to`. */
function edited(file: string, from: string, to: string): string {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`not in ${file}: ${from}`);
  const out = path.join(tempDir(), path.basename(file));
  writeFileSync(out, text.replace(from, to));
  return out;
}

function importInto(t: Bot, file: string, at: string): void {
  const r = importPlanFile(t.stores, file, defaultDataDir, at);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
}

const posts = (t: Bot) => t.standin.messages.filter((m) => /was re-imported|se volvió a importar/.test(m.text));

describe('the summary of a re-import, posted to the reminder channel', () => {
  it('is posted once after the current plan changed, naming the changes; the first import posts nothing', async () => {
    const t = await startBot({ GCM_REMINDER_CHANNEL: channel }, '2024-04-22T09:00:00');
    const outbox = outboxOf(t);
    expect((await outbox.tick()).sent).toEqual([]);
    importInto(t, edited(defaultPlanFile, 'coordination and information exchange.', 'coordination and joint planning.'), '2024-04-22T12:30:00.000Z');
    const id = t.stores.plans.importsOf('lac-2023-2024').at(-1)!.id;
    const first = await outbox.tick();
    expect(first.sent).toEqual([`lac-2023-2024|plan-change|${id}`]);
    expect(posts(t)).toHaveLength(1);
    expect(posts(t)[0]!.text).toBe('The plan lac-2023-2024 (Work Plan 2023-2024) was re-imported.');
    expect(JSON.stringify(posts(t)[0]!.blocks)).toContain('B1.2 text: Organize quarterly meetings');
    expect(posts(t)[0]!.metadata).toEqual({ event_type: 'gcm_reminder', event_payload: { key: `lac-2023-2024|plan-change|${id}` } });
    // Exactly once, however many passes.
    expect((await outbox.tick()).sent).toEqual([]);
    expect((await outbox.tick()).recorded).toEqual([]);
    expect(posts(t)).toHaveLength(1);
  });

  it('is in GCM_LANGUAGE', async () => {
    const t = await startBot({ GCM_REMINDER_CHANNEL: channel }, '2024-04-22T09:00:00');
    const outbox = outboxOf(t, 'es');
    importInto(t, edited(defaultPlanFile, 'coordination and information exchange.', 'coordination and joint planning.'), '2024-04-22T12:30:00.000Z');
    await outbox.tick();
    expect(posts(t).map((m) => m.text)).toEqual(['El plan lac-2023-2024 (Work Plan 2023-2024) se volvió a importar.']);
    expect(JSON.stringify(posts(t)[0]!.blocks)).toContain('B1.2 texto: Organize quarterly meetings');
  });

  it('is not posted for a plan that is not the current one', async () => {
    const t = await startBot({ GCM_REMINDER_CHANNEL: channel }, '2024-04-22T09:00:00');
    const outbox = outboxOf(t);
    const next = path.join(projectRoot, 'test/fixtures/plans/lac-2025-2026.yaml');
    importInto(t, next, '2024-04-22T12:00:00.000Z');
    importInto(t, edited(next, 'Map regular pathways in the region', 'Map regular and safe pathways in the region'), '2024-04-22T12:30:00.000Z');
    expect(
      t.stores.plans
        .importsOf('lac-2025-2026')
        .at(-1)!
        .changes!.changed.map((c) => c.id),
    ).toEqual(['T1.1']);
    const pass = await outbox.tick();
    expect(pass.recorded).toEqual([]);
    expect(posts(t)).toHaveLength(0);
  });
});
