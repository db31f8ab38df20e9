import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventEnvelope, messageEvent, slashCommandForm } from '../../../src/sandbox/payloads';
import { Workspace } from '../../../src/sandbox/workspace';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/slack/http', name), 'utf8');

function setup() {
  const workspace = new Workspace({ id: 'T1', name: 'Team', domain: 'team' }, { userId: 'UBOT', botId: 'BBOT', appId: 'AAPP', name: 'bot' });
  const app = { workspace, verificationToken: 'vtoken' };
  const user = workspace.addUser({ name: 'alice' });
  const channel = workspace.addChannel({ name: 'inc', members: [user.id, 'UBOT'] });
  return { workspace, app, user, channel };
}

describe('slash command form', () => {
  it("carries Slack's fields in Slack's order, plus api_app_id and is_enterprise_install", () => {
    const { app, user, channel } = setup();
    const form = slashCommandForm(app, {
      user, channel, command: '/incident', text: 'declare db down', responseUrl: 'http://x/response/1', triggerId: '1.2.abc',
    });
    const keys = [...new URLSearchParams(form).keys()];
    const slackKeys = [...new URLSearchParams(fixture('slash_command.docs_example.form-urlencoded.txt')).keys()];
    expect(keys.filter((k) => slackKeys.includes(k))).toEqual(slackKeys);
    expect(keys).toEqual(expect.arrayContaining(['api_app_id', 'is_enterprise_install']));
    expect(form).toContain('command=%2Fincident&text=declare+db+down');
  });
});

describe('event envelope', () => {
  it('has the fields of the Events API fixtures, with the bot in authorizations', () => {
    const { app, channel, user } = setup();
    const event = messageEvent(channel, { type: 'message', ts: '1700000000.000100', text: 'hi', user: user.id });
    const envelope = eventEnvelope(app, event, 'Ev1');
    const slack = JSON.parse(fixture('event_callback.app_mention.with_authorizations.json')) as Record<string, unknown>;
    const expectedKeys = Object.keys(slack).filter((k) => k !== 'enterprise_id');
    expect(Object.keys(envelope)).toEqual(expect.arrayContaining(expectedKeys));
    expect(envelope).toMatchObject({
      type: 'event_callback', event_id: 'Ev1', event_time: 1700000000, token: 'vtoken',
      authorizations: [{ user_id: 'UBOT', is_bot: true, team_id: 'T1' }],
      event: { channel: channel.id, channel_type: 'channel', event_ts: '1700000000.000100' },
    });
  });

  it("marks private channels as channel_type 'group' and direct messages as 'im'", () => {
    const { workspace } = setup();
    const secret = workspace.addChannel({ name: 'secret', isPrivate: true });
    const dm = workspace.imWith(workspace.addUser({ name: 'bob' }).id);
    expect(messageEvent(secret, { ts: '1.000001' }).channel_type).toBe('group');
    expect(messageEvent(dm, { ts: '1.000001' }).channel_type).toBe('im');
  });
});
