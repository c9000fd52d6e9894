import { afterEach, describe, expect, it } from 'vitest';
import { triggerId, viewSubmissionPayload } from '../../dev/standin/sender.js';
import { WebApiStandIn, triggerLifetimeMs } from '../../dev/standin/web-api.js';

const stop: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (stop.length) await stop.pop()!();
});

async function standin() {
  const s = new WebApiStandIn();
  const api = await s.start();
  stop.push(() => s.stop());
  const call = (method: string, params: Record<string, unknown>) =>
    fetch(`${api}${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) }).then(
      (r) => r.json() as Promise<Record<string, unknown>>,
    );
  return { s, call };
}

const view = {
  type: 'modal',
  callback_id: 'cb',
  title: { type: 'plain_text', text: 'T' },
  private_metadata: 'meta',
  blocks: [
    { type: 'section', text: { type: 'mrkdwn', text: 'x' } },
    {
      type: 'input',
      block_id: 'status',
      label: { type: 'plain_text', text: 'S' },
      element: {
        type: 'static_select',
        action_id: 'status',
        options: [
          { value: 'a', text: { type: 'plain_text', text: 'A' } },
          { value: 'b', text: { type: 'plain_text', text: 'B' } },
        ],
        initial_option: { value: 'a', text: { type: 'plain_text', text: 'A' } },
      },
    },
    { type: 'input', block_id: 'date', label: { type: 'plain_text', text: 'D' }, element: { type: 'datepicker', action_id: 'date' } },
    {
      type: 'input',
      block_id: 'note',
      label: { type: 'plain_text', text: 'N' },
      element: { type: 'plain_text_input', action_id: 'note', initial_value: 'hi' },
    },
  ],
};

describe('the stand-in’s modals', () => {
  it('views.open needs a fresh trigger_id, keeps the view with an id and whom it is for; views.update replaces it', async () => {
    const { s, call } = await standin();
    expect(await call('views.open', { view })).toEqual({ ok: false, error: 'invalid_arguments' });
    const stale = `${Date.now() - triggerLifetimeMs - 1000}.U1.standin`;
    expect(await call('views.open', { trigger_id: stale, view })).toEqual({ ok: false, error: 'expired_trigger_id' });
    expect(s.views.size).toBe(0);
    const opened = await call('views.open', { trigger_id: triggerId('U1'), view });
    expect(opened).toMatchObject({ ok: true, view: { id: 'V0MODAL0001', callback_id: 'cb' } });
    expect(s.lastView('U1')).toMatchObject({ id: 'V0MODAL0001', user: 'U1', closed: false });
    expect(s.lastView('U2')).toBeUndefined();
    await call('views.update', { view_id: 'V0MODAL0001', view: { ...view, callback_id: 'cb2' } });
    expect(s.lastView('U1')!.view.callback_id).toBe('cb2');
    expect(await call('views.update', { view_id: 'V0NONE', view })).toEqual({ ok: false, error: 'not_found' });
  });

  it('a submission’s ack shows errors (the modal stays open) or closes it', async () => {
    const { s, call } = await standin();
    await call('views.open', { trigger_id: triggerId('U1'), view });
    s.applySubmissionAck('V0MODAL0001', { response_action: 'errors', errors: { date: 'too early' } });
    expect(s.lastView('U1')).toMatchObject({ errors: { date: 'too early' }, closed: false });
    s.applySubmissionAck('V0MODAL0001', null);
    expect(s.lastView('U1')!.closed).toBe(true);
  });

  it('a view_submission is built from the recorded view: initial values kept, inputs filled by action id', () => {
    const payload = viewSubmissionPayload('U1', { ...view, id: 'V1' }, { status: 'b', date: '2024-06-10' }) as {
      type: string;
      user: { id: string };
      view: { id: string; callback_id: string; private_metadata: string; state: { values: Record<string, Record<string, unknown>> } };
    };
    expect(payload).toMatchObject({ type: 'view_submission', user: { id: 'U1' }, view: { id: 'V1', callback_id: 'cb', private_metadata: 'meta' } });
    expect(payload.view.state.values).toEqual({
      status: { status: { type: 'static_select', selected_option: { value: 'b', text: { type: 'plain_text', text: 'B' } } } },
      date: { date: { type: 'datepicker', selected_date: '2024-06-10' } },
      note: { note: { type: 'plain_text_input', value: 'hi' } },
    });
    expect(() => viewSubmissionPayload('U1', view, { link: 'x' })).toThrow('the modal has no input link');
    expect(() => viewSubmissionPayload('U1', view, { status: 'c' })).toThrow('the menu status offers no c');
  });
});
