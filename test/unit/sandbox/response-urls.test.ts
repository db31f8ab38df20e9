import { ResponseUrls } from '../../../src/sandbox/response-urls';
import type { SlackMessage } from '../../../src/sandbox/workspace-types';
import { apiHarness } from './api-harness';

function setup() {
  const h = apiHarness();
  const alice = h.workspace.addUser({ name: 'alice' });
  const channel = h.workspace.addChannel({ name: 'inc', members: [alice.id, 'UBOT'] });
  const posted: SlackMessage[] = [];
  const urls = new ResponseUrls(h.workspace, (_channel, message) => posted.push(message));
  const idOf = (url: string) => url.split('/').pop() as string;
  return { ...h, alice, channel, urls, posted, idOf };
}

describe('response_url posts', () => {
  it('show as an ephemeral message to the user by default', () => {
    const { urls, idOf, channel, alice, workspace } = setup();
    const url = urls.issue('http://x', { channel: channel.id, user: alice.id });
    expect(urls.handle(idOf(url), { text: 'Only you can see this' })).toEqual({ status: 200, body: { ok: true } });
    expect(workspace.ephemerals(channel.id, alice.id)).toEqual([
      expect.objectContaining({ text: 'Only you can see this', source: 'response_url' }),
    ]);
  });

  it("post into the channel as the bot with response_type 'in_channel'", () => {
    const { urls, idOf, channel, alice, workspace, posted } = setup();
    const id = idOf(urls.issue('http://x', { channel: channel.id, user: alice.id }));
    urls.handle(id, { response_type: 'in_channel', text: 'Incident declared' });
    expect(workspace.messages(channel.id)).toEqual([expect.objectContaining({ text: 'Incident declared', bot_id: 'BBOT' })]);
    expect(posted).toHaveLength(1);
  });

  it('replace and delete the original channel message', async () => {
    const { urls, idOf, channel, alice, workspace, call } = setup();
    const { ts } = await call('chat.postMessage', { channel: channel.id, text: 'Click me', blocks: [{ type: 'divider' }] });
    const target = { channel: channel.id, user: alice.id, original: { ts: ts as string, ephemeral: false } };
    urls.handle(idOf(urls.issue('http://x', target)), { replace_original: true, text: 'Done' });
    expect(workspace.messages(channel.id)[0]).toMatchObject({ ts, text: 'Done', blocks: undefined });
    urls.handle(idOf(urls.issue('http://x', target)), { delete_original: true });
    expect(workspace.messages(channel.id)).toEqual([]);
  });

  it('replace and delete an original ephemeral message', () => {
    const { urls, idOf, channel, alice, workspace } = setup();
    const ts = workspace.clock.next();
    workspace.store.addEphemeral({ channel: channel.id, user: alice.id, ts, text: 'Pick one', source: 'chat.postEphemeral' });
    const target = { channel: channel.id, user: alice.id, original: { ts, ephemeral: true } };
    urls.handle(idOf(urls.issue('http://x', target)), { replace_original: 'true', text: 'Picked' });
    expect(workspace.ephemerals(channel.id, alice.id)).toEqual([expect.objectContaining({ ts, text: 'Picked' })]);
    urls.handle(idOf(urls.issue('http://x', target)), { delete_original: true });
    expect(workspace.ephemerals(channel.id, alice.id)).toEqual([]);
  });

  it('work five times, then answer used_url; unknown ones answer expired_url', () => {
    const { urls, idOf, channel, alice } = setup();
    const id = idOf(urls.issue('http://x', { channel: channel.id, user: alice.id }));
    for (let i = 0; i < 5; i += 1) expect(urls.handle(id, { text: `n${i}` }).status).toBe(200);
    expect(urls.handle(id, { text: 'six' })).toEqual({ status: 404, body: { ok: false, error: 'used_url' } });
    expect(urls.handle('nope', { text: 'x' }).body).toMatchObject({ error: 'expired_url' });
  });

  it('refuse a message with no content or invalid blocks', () => {
    const { urls, idOf, channel, alice } = setup();
    const id = idOf(urls.issue('http://x', { channel: channel.id, user: alice.id }));
    expect(urls.handle(id, {})).toMatchObject({ status: 400, body: { error: 'no_text' } });
    expect(urls.handle(id, { blocks: [{ type: 'nope' }] })).toMatchObject({ status: 400, body: { error: 'invalid_blocks' } });
  });
});
