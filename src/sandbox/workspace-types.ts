/** Shapes of the emulated workspace's state; field names follow Slack's JSON so objects can be returned as-is. */

export interface TeamInfo {
  id: string;
  name: string;
  domain: string;
}

export interface BotIdentity {
  userId: string;
  botId: string;
  appId: string;
  name: string;
}

export interface SlackUser {
  id: string;
  team_id: string;
  name: string;
  real_name: string;
  deleted: boolean;
  color: string;
  is_bot: boolean;
  is_app_user: boolean;
  is_admin: boolean;
  is_owner: boolean;
  is_primary_owner: boolean;
  is_restricted: boolean;
  is_ultra_restricted: boolean;
  tz: string;
  tz_label: string;
  tz_offset: number;
  updated: number;
  profile: {
    real_name: string;
    real_name_normalized: string;
    display_name: string;
    display_name_normalized: string;
    email?: string;
    bot_id?: string;
    api_app_id?: string;
    team: string;
    status_text: string;
    status_emoji: string;
    image_48: string;
  };
}

export interface TextWithAuthor {
  value: string;
  creator: string;
  last_set: number;
}

export interface SlackChannel {
  id: string;
  name: string;
  name_normalized: string;
  created: number;
  creator: string;
  is_channel: boolean;
  is_group: boolean;
  is_im: boolean;
  is_mpim: boolean;
  is_private: boolean;
  is_archived: boolean;
  is_general: boolean;
  is_shared: boolean;
  is_ext_shared: boolean;
  is_org_shared: boolean;
  is_pending_ext_shared: boolean;
  pending_shared: string[];
  unlinked: number;
  previous_names: string[];
  topic: TextWithAuthor;
  purpose: TextWithAuthor;
  /** Member user ids, the bot's included when it is in the channel. Not part of Slack's channel JSON. */
  members: string[];
  /** For a direct-message channel: the human on the other side. */
  user?: string;
}

export interface Reaction {
  name: string;
  users: string[];
  count: number;
}

export interface SlackMessage {
  type: 'message';
  ts: string;
  text: string;
  user?: string;
  bot_id?: string;
  app_id?: string;
  team?: string;
  subtype?: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: unknown;
  files?: Record<string, unknown>[];
  upload?: boolean;
  client_msg_id?: string;
  thread_ts?: string;
  parent_user_id?: string;
  reply_count?: number;
  reply_users_count?: number;
  reply_users?: string[];
  latest_reply?: string;
  edited?: { user: string; ts: string };
  reactions?: Reaction[];
  pinned_to?: string[];
}

export type EphemeralSource = 'chat.postEphemeral' | 'response_url' | 'command_response';

export interface EphemeralMessage {
  channel: string;
  user: string;
  ts: string;
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  thread_ts?: string;
  source: EphemeralSource;
}

export interface PinRecord {
  channel: string;
  ts: string;
  created: number;
  created_by: string;
}

export interface ReactionRecord {
  channel: string;
  ts: string;
  name: string;
  users: string[];
}

export type * from './resource-types';
