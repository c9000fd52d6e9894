import { createHmac } from 'node:crypto';

/** Slack's request signature: `v0=` + HMAC-SHA256 of `v0:{timestamp}:{body}` with the signing secret. */
export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** A trigger_id as the stand-in reads it (web-api.ts `views.open`): when it was made, and for whom. */
export function triggerId(user: string): string {
  return `${Date.now()}.${user}.standin`;
}

/** The form fields of a slash command as Slack sends them (`/gcm`, in `channel`, by `user`). */
export function slashCommandFields(c: {
  text: string;
  user: string;
  channel: string;
  channelName?: string;
  responseUrl: string;
  command?: string;
}): Record<string, string> {
  return {
    token: 'standin',
    team_id: 'T0STANDIN',
    team_domain: 'standin',
    channel_id: c.channel,
    channel_name: c.channelName ?? 'gcm-network',
    user_id: c.user,
    user_name: c.user.toLowerCase(),
    command: c.command ?? '/gcm',
    text: c.text,
    response_url: c.responseUrl,
    trigger_id: triggerId(c.user),
    api_app_id: 'A0GCM',
  };
}

/** Where an interaction happened: a message in a channel (with its response_url), or the App Home. */
export type InteractionSurface =
  | {
      kind: 'message';
      channel: string;
      channelName?: string;
      messageTs: string;
      ephemeral: boolean;
      message?: { text: string; blocks: unknown[]; user?: string };
      responseUrl: string;
    }
  | { kind: 'home' };

/**
 * A `block_actions` payload as Slack sends it for one element of a message or of the App Home. An ephemeral
 * message comes without its `message` (Slack sends none), a channel message with it.
 */
export function blockActionsPayload(user: string, surface: InteractionSurface, action: Record<string, unknown>): Record<string, unknown> {
  const where =
    surface.kind === 'home'
      ? { container: { type: 'view', view_id: 'V0HOME' }, view: { id: 'V0HOME', type: 'home' } }
      : {
          container: { type: 'message', message_ts: surface.messageTs, channel_id: surface.channel, is_ephemeral: surface.ephemeral },
          channel: { id: surface.channel, name: surface.channelName ?? 'gcm-network' },
          ...(surface.ephemeral || !surface.message ? {} : { message: { type: 'message', ts: surface.messageTs, ...surface.message } }),
          response_url: surface.responseUrl,
        };
  return {
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), team_id: 'T0STANDIN' },
    api_app_id: 'A0GCM',
    token: 'standin',
    team: { id: 'T0STANDIN', domain: 'standin' },
    trigger_id: triggerId(user),
    ...where,
    actions: [{ action_ts: String(Date.now() / 1000), ...action }],
  };
}

type ViewElement = {
  type: string;
  action_id: string;
  options?: { value: string; text: unknown }[];
  initial_option?: { value: string; text: unknown };
  initial_date?: string;
  initial_value?: string;
};
type ViewBlock = { type: string; block_id?: string; element?: ViewElement };

/**
 * A `view_submission` payload built FROM a modal the bot opened (as the stand-in recorded it): each input of
 * the view keeps its initial value unless `fill` gives one by action id (a menu's option by its value). A
 * `fill` naming an input the view does not have, or an option the menu does not offer, throws: a test fills
 * the modal the bot really sent.
 */
export function viewSubmissionPayload(user: string, view: Record<string, unknown>, fill: Record<string, string | null> = {}): Record<string, unknown> {
  const values: Record<string, Record<string, unknown>> = {};
  const used = new Set<string>();
  for (const b of (view.blocks ?? []) as ViewBlock[]) {
    const el = b.element;
    if (b.type !== 'input' || !el || !b.block_id) continue;
    const given = Object.hasOwn(fill, el.action_id) ? fill[el.action_id] : undefined;
    if (given !== undefined) used.add(el.action_id);
    values[b.block_id] = { [el.action_id]: inputState(el, given) };
  }
  const unknown = Object.keys(fill).filter((k) => !used.has(k));
  if (unknown.length) throw new Error(`the modal has no input ${unknown.join(', ')}`);
  return {
    type: 'view_submission',
    team: { id: 'T0STANDIN', domain: 'standin' },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T0STANDIN' },
    api_app_id: 'A0GCM',
    token: 'standin',
    trigger_id: triggerId(user),
    view: { ...view, team_id: 'T0STANDIN', app_id: 'A0GCM', bot_id: 'B0GCMBOT', hash: `${Date.now()}.hash`, state: { values } },
    response_urls: [],
  };
}

/** One input's state as Slack sends it: `given` (undefined keeps the initial value, null empties it). */
function inputState(el: ViewElement, given: string | null | undefined): Record<string, unknown> {
  switch (el.type) {
    case 'static_select': {
      if (given === undefined) return { type: el.type, selected_option: el.initial_option ?? null };
      const option = given === null ? null : el.options?.find((o) => o.value === given);
      if (option === undefined) throw new Error(`the menu ${el.action_id} offers no ${given}`);
      return { type: el.type, selected_option: option };
    }
    case 'datepicker':
      return { type: el.type, selected_date: given === undefined ? (el.initial_date ?? null) : given };
    default:
      return { type: el.type, value: given === undefined ? (el.initial_value ?? null) : given };
  }
}

export interface SentRequest {
  status: number;
  body: string;
  /** The acknowledgement's JSON, when it had one. */
  json: unknown;
}

/**
 * Delivers requests to the bot as Slack does: signed HTTP POSTs to its `/slack/events`. The timestamp is the
 * real wall clock (Bolt checks the signature's age against it), separate from the bot's own clock.
 */
export class SlackSender {
  constructor(
    private readonly eventsUrl: string,
    private readonly secret: string,
    private readonly wallSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  /** POSTs a raw body with a valid signature (or with the overrides, to test the negative cases). */
  async post(
    body: string,
    contentType: string,
    overrides: { secret?: string; timestamp?: number; tamper?: (b: string) => string; headers?: Record<string, string> } = {},
  ): Promise<SentRequest> {
    const ts = overrides.timestamp ?? this.wallSeconds();
    const sig = signature(overrides.secret ?? this.secret, ts, body);
    const res = await fetch(this.eventsUrl, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sig, ...overrides.headers },
      body: overrides.tamper ? overrides.tamper(body) : body,
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, body: text, json };
  }

  /** A slash command, form-encoded as Slack sends it. */
  command(fields: Record<string, string>, overrides?: Parameters<SlackSender['post']>[2]): Promise<SentRequest> {
    return this.post(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', overrides);
  }

  /** An interaction (block_actions …): `payload=<JSON>`, form-encoded. */
  interaction(payload: unknown, overrides?: Parameters<SlackSender['post']>[2]): Promise<SentRequest> {
    return this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', overrides);
  }

  /** An Events API callback (app_home_opened …), JSON. */
  event(event: Record<string, unknown>, extra: Record<string, unknown> = {}, overrides?: Parameters<SlackSender['post']>[2]): Promise<SentRequest> {
    const body = JSON.stringify({
      token: 'x',
      team_id: 'T0STANDIN',
      api_app_id: 'A0GCM',
      type: 'event_callback',
      event_id: `Ev${Date.now()}`,
      event_time: Math.floor(Date.now() / 1000),
      event,
      ...extra,
    });
    return this.post(body, 'application/json', overrides);
  }
}
