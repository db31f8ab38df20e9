import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const root = join(__dirname, '..', '..');
const schemaPath = join(root, 'test/fixtures/slack-schemas/manifest-schema/schemas/manifest.schema.1.0.0.json');

type Manifest = {
  display_information: { name: string };
  features: { slash_commands: { command: string; url: string }[]; app_home: { home_tab_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
};

function loadManifest(): Manifest {
  return parse(readFileSync(join(root, 'manifest.yml'), 'utf8')) as Manifest;
}

function validate(manifest: unknown) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const check = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  check(manifest);
  return check.errors ?? [];
}

describe('manifest.yml', () => {
  it('conforms to the Slack app manifest schema', () => {
    expect(validate(loadManifest())).toEqual([]);
  });

  it('requests exactly the bot scopes the bot uses', () => {
    expect([...loadManifest().oauth_config.scopes.bot].sort()).toEqual(
      [
        'channels:manage', 'channels:read', 'channels:history', 'groups:history', 'groups:read', 'groups:write',
        'chat:write', 'chat:write.public', 'commands', 'pins:read', 'pins:write', 'reactions:read', 'users:read',
        'files:write', 'files:read', 'bookmarks:write', 'bookmarks:read', 'usergroups:read',
      ].sort(),
    );
  });

  it('subscribes to the events the timeline and home tab need', () => {
    expect(loadManifest().settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining([
        'message.channels', 'message.groups', 'reaction_added', 'reaction_removed',
        'pin_added', 'pin_removed', 'member_joined_channel', 'app_home_opened',
      ]),
    );
  });

  it('points the command, events and interactivity at one placeholder URL and enables the home tab', () => {
    const manifest = loadManifest();
    const url = 'https://YOUR-HOST/slack/events';
    expect(manifest.features.slash_commands).toEqual([expect.objectContaining({ command: '/incident', url })]);
    expect(manifest.settings.event_subscriptions.request_url).toBe(url);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: url });
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('fails validation when the display name is longer than Slack allows', () => {
    const broken = loadManifest();
    broken.display_information.name = 'x'.repeat(40);
    expect(validate(broken)).toEqual([
      expect.objectContaining({ instancePath: '/display_information/name', keyword: 'maxLength' }),
    ]);
  });
});
