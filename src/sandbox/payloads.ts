import type { Workspace } from './workspace';
import type { SlackChannel, SlackUser, SlackView } from './workspace-types';

/** Values that sit in every request Slack sends to the app. */
export interface AppContext {
  workspace: Workspace;
  verificationToken: string;
}

/** The `user` object of interaction payloads. */
export function userRef(user: SlackUser): Record<string, string> {
  return { id: user.id, username: user.name, name: user.name, team_id: user.team_id };
}

/** The name Slack puts in channel_name / channel.name for a conversation. */
export function channelName(channel: SlackChannel): string {
  return channel.is_im ? 'directmessage' : channel.name;
}

/** The form body of a slash command, fields in the order Slack sends them. */
export function slashCommandForm(
  app: AppContext,
  o: { user: SlackUser; channel: SlackChannel; command: string; text: string; responseUrl: string; triggerId: string },
): string {
  const { team, bot } = app.workspace;
  return new URLSearchParams({
    token: app.verificationToken,
    team_id: team.id,
    team_domain: team.domain,
    channel_id: o.channel.id,
    channel_name: channelName(o.channel),
    user_id: o.user.id,
    user_name: o.user.name,
    command: o.command,
    text: o.text,
    api_app_id: bot.appId,
    is_enterprise_install: 'false',
    response_url: o.responseUrl,
    trigger_id: o.triggerId,
  }).toString();
}

/** The part of an interaction payload common to block_actions, view_submission and view_closed. */
export function interactionBase(app: AppContext, type: string, user: SlackUser): Record<string, unknown> {
  const { team, bot } = app.workspace;
  return {
    type,
    user: userRef(user),
    api_app_id: bot.appId,
    token: app.verificationToken,
    team: { id: team.id, domain: team.domain },
    enterprise: null,
    is_enterprise_install: false,
  };
}

/** A view as it travels inside interaction payloads (with its current state). */
export function viewPayload(view: SlackView): Record<string, unknown> {
  return JSON.parse(JSON.stringify(view)) as Record<string, unknown>;
}

/** Wraps an event in the Events API `event_callback` envelope. */
export function eventEnvelope(app: AppContext, event: Record<string, unknown>, eventId: string): Record<string, unknown> {
  const { team, bot } = app.workspace;
  const eventTs = typeof event.event_ts === 'string' ? event.event_ts : undefined;
  const eventTime = eventTs ? Math.floor(Number(eventTs)) : app.workspace.nowSeconds();
  return {
    token: app.verificationToken,
    team_id: team.id,
    context_team_id: team.id,
    context_enterprise_id: null,
    api_app_id: bot.appId,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: eventTime,
    authorizations: [
      { enterprise_id: null, team_id: team.id, user_id: bot.userId, is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${Buffer.from(JSON.stringify({ team: team.id, app: bot.appId, id: eventId })).toString('base64')}`,
  };
}

/** The `message` event Slack delivers for a stored message. */
export function messageEvent(channel: SlackChannel, message: Record<string, unknown>): Record<string, unknown> {
  return {
    ...message,
    type: 'message',
    channel: channel.id,
    event_ts: message.ts,
    channel_type: channelType(channel),
  };
}

/** The `channel_type` Slack puts in message events: im, group (private) or channel. */
export function channelType(channel: SlackChannel): 'im' | 'group' | 'channel' {
  return channel.is_im ? 'im' : channel.is_private ? 'group' : 'channel';
}

/** A user's plain text as the rich_text block Slack attaches to messages typed in the client. */
export function richTextBlocks(text: string): unknown[] {
  return [
    {
      type: 'rich_text',
      block_id: Math.random().toString(36).slice(2, 5),
      elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text }] }],
    },
  ];
}
