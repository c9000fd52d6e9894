import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/config.js';
import { actionIds, slashCommand } from '../src/views/action-ids.js';

// Slack's published JSON Schema for app manifests (MIT, license beside it), copied into the project.
const schema = JSON.parse(readFileSync(path.join(projectRoot, 'test/fixtures/slack/manifest.schema.1.0.0.json'), 'utf8'));
const manifest = parse(readFileSync(path.join(projectRoot, 'manifest.yml'), 'utf8'));

describe('manifest.yml', () => {
  it("passes Slack's manifest schema", () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema catches a broken manifest (the check can fail)', () => {
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate({ ...manifest, display_information: { name: '' } })).toBe(false);
  });

  it('declares /gcm with a usage hint, the Home tab, app_home_opened, interactivity and Socket Mode', () => {
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({ command: slashCommand, usage_hint: expect.stringMatching(/objective 23.*brief.*resumen/) }),
    ]);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([
      'app_home_opened',
      'assistant_thread_started',
      'assistant_thread_context_changed',
      'message.im',
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(Object.values(actionIds).length).toBeGreaterThan(0);
  });

  it('declares the assistant pane (assistant_view, with a description in both languages)', () => {
    expect(manifest.features.assistant_view.assistant_description).toMatch(/plain words.*sus palabras/);
  });

  it('asks only for the bot scopes the bot uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'assistant:write',
      'channels:history',
      'chat:write',
      'commands',
      'files:write',
      'groups:history',
      'im:history',
      'im:write',
      'usergroups:read',
      'users:read',
    ]);
  });
});
