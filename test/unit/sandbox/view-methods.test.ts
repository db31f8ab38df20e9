import { apiHarness } from './api-harness';

const modal = (title: string, extra: Record<string, unknown> = {}) => ({
  type: 'modal',
  title: { type: 'plain_text', text: title },
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: title } }],
  ...extra,
});

function setup(o: { now?: () => number } = {}) {
  const h = apiHarness({ now: o.now });
  const alice = h.workspace.addUser({ name: 'alice' });
  return { ...h, alice };
}

describe('views.open and trigger ids', () => {
  it("opens a modal on the trigger's user stack, with id, hash and root_view_id", async () => {
    const { call, triggers, alice, workspace } = setup();
    const result = await call('views.open', { trigger_id: triggers.issue(alice.id), view: JSON.stringify(modal('One')) });
    const view = result.view as { id: string; hash: string; root_view_id: string };
    expect(view.root_view_id).toBe(view.id);
    expect(view.hash).toMatch(/^\d+\.[0-9a-f]{8}$/);
    expect(workspace.openViews(alice.id).map((v) => v.id)).toEqual([view.id]);
  });

  it('accepts a trigger id only once', async () => {
    const { call, triggers, alice } = setup();
    const trigger = triggers.issue(alice.id);
    await call('views.open', { trigger_id: trigger, view: modal('One') });
    expect(await call('views.open', { trigger_id: trigger, view: modal('Two') })).toMatchObject({ error: 'exchanged_trigger_id' });
  });

  it('refuses a trigger id older than three seconds', async () => {
    let now = 1_700_000_000_000;
    const { call, triggers, alice } = setup({ now: () => now });
    const trigger = triggers.issue(alice.id);
    now += 3001;
    expect(await call('views.open', { trigger_id: trigger, view: modal('Late') })).toMatchObject({ error: 'expired_trigger_id' });
  });

  it('answers invalid_arguments with the rule broken by the view', async () => {
    const { call, triggers, alice } = setup();
    const result = await call('views.open', { trigger_id: triggers.issue(alice.id), view: modal('A title far longer than allowed') });
    expect(result).toMatchObject({
      error: 'invalid_arguments',
      response_metadata: { messages: ['[ERROR] must be less than 25 characters [json-pointer:/view/title/text]'] },
    });
  });
});

describe('views.push, views.update and views.publish', () => {
  it('pushes at most three modals', async () => {
    const { call, triggers, alice, workspace } = setup();
    await call('views.open', { trigger_id: triggers.issue(alice.id), view: modal('1') });
    await call('views.push', { trigger_id: triggers.issue(alice.id), view: modal('2') });
    const third = await call('views.push', { trigger_id: triggers.issue(alice.id), view: modal('3') });
    expect((third.view as { previous_view_id: string }).previous_view_id).toBe(workspace.openViews(alice.id)[1].id);
    expect(await call('views.push', { trigger_id: triggers.issue(alice.id), view: modal('4') })).toMatchObject({ error: 'push_limit_reached' });
  });

  it('updates by view_id or external_id and refuses a stale hash', async () => {
    const { call, triggers, alice } = setup();
    const opened = await call('views.open', { trigger_id: triggers.issue(alice.id), view: modal('One', { external_id: 'inc-1' }) });
    const { id, hash } = opened.view as { id: string; hash: string };
    const updated = await call('views.update', { view_id: id, hash, view: modal('Two') });
    expect(updated.view).toMatchObject({ id, title: { text: 'Two' } });
    expect(await call('views.update', { view_id: id, hash, view: modal('Three') })).toMatchObject({ error: 'hash_conflict' });
    expect(await call('views.update', { external_id: 'nope', view: modal('Four') })).toMatchObject({ error: 'not_found' });
    expect(await call('views.update', { view: modal('Five') })).toMatchObject({ error: 'invalid_arguments' });
  });

  it('publishes a home tab per user and refuses unknown users', async () => {
    const { call, alice, workspace } = setup();
    const home = { type: 'home', blocks: [{ type: 'divider' }] };
    await call('views.publish', { user_id: alice.id, view: home });
    await call('views.publish', { user_id: alice.id, view: { ...home, blocks: [] } });
    expect(workspace.homeView(alice.id)).toMatchObject({ type: 'home', blocks: [] });
    expect(await call('views.publish', { user_id: 'U404', view: home })).toMatchObject({ error: 'invalid_arguments' });
  });
});
