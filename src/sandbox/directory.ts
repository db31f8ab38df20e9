import type { SlackChannel, SlackUser, TextWithAuthor, Usergroup } from './workspace-types';

export interface SeedUser {
  id?: string;
  name: string;
  realName?: string;
  isBot?: boolean;
  tz?: string;
  email?: string;
  isAdmin?: boolean;
}

export interface SeedChannel {
  id?: string;
  name: string;
  isPrivate?: boolean;
  /** Exactly who is in the channel; list the bot's user id to have the bot in it. Omitted: only the bot. */
  members?: string[];
  /** Forces the bot in (true) or out (false) whatever `members` says. */
  botIsMember?: boolean;
  isGeneral?: boolean;
  creator?: string;
}

export interface NewUser {
  id: string;
  teamId: string;
  name: string;
  realName?: string;
  isBot?: boolean;
  botId?: string;
  appId?: string;
  tz?: string;
  email?: string;
  isAdmin?: boolean;
}

export interface NewChannel {
  id: string;
  name: string;
  creator: string;
  created: number;
  isPrivate?: boolean;
  isIm?: boolean;
  isGeneral?: boolean;
  members: string[];
  imUser?: string;
}

/** Builds a user object shaped like users.info's `user`. */
export function buildUser(u: NewUser, nowSeconds: number): SlackUser {
  const tz = u.tz ?? 'UTC';
  const realName = u.realName ?? u.name;
  return {
    id: u.id,
    team_id: u.teamId,
    name: u.name,
    real_name: realName,
    deleted: false,
    color: '9f69e7',
    is_bot: u.isBot ?? false,
    is_app_user: false,
    is_admin: u.isAdmin ?? false,
    is_owner: false,
    is_primary_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    tz,
    tz_label: describeTimeZone(tz),
    tz_offset: timeZoneOffsetSeconds(tz),
    updated: nowSeconds,
    profile: {
      real_name: realName,
      real_name_normalized: realName,
      display_name: u.name,
      display_name_normalized: u.name,
      email: u.isBot ? undefined : (u.email ?? `${u.name}@example.com`),
      bot_id: u.botId,
      api_app_id: u.appId,
      team: u.teamId,
      status_text: '',
      status_emoji: '',
      image_48: `https://avatars.example.com/${u.id}_48.png`,
    },
  };
}

/** Builds a conversation object shaped like conversations.info's `channel` (plus the member list). */
export function buildChannel(c: NewChannel): SlackChannel {
  const empty = (): TextWithAuthor => ({ value: '', creator: '', last_set: 0 });
  return {
    id: c.id,
    name: c.name,
    name_normalized: c.name,
    created: c.created,
    creator: c.creator,
    is_channel: !c.isIm,
    is_group: false,
    is_im: c.isIm ?? false,
    is_mpim: false,
    is_private: c.isPrivate ?? c.isIm ?? false,
    is_archived: false,
    is_general: c.isGeneral ?? false,
    is_shared: false,
    is_ext_shared: false,
    is_org_shared: false,
    is_pending_ext_shared: false,
    pending_shared: [],
    unlinked: 0,
    previous_names: [],
    topic: empty(),
    purpose: empty(),
    members: [...new Set(c.members)],
    user: c.imUser,
  };
}

/** Builds a user group shaped like usergroups.list's entries. */
export function buildUsergroup(
  g: { id: string; teamId: string; handle: string; name?: string; users: string[]; createdBy: string },
  nowSeconds: number,
): Usergroup {
  return {
    id: g.id,
    team_id: g.teamId,
    is_usergroup: true,
    is_external: false,
    name: g.name ?? g.handle,
    description: '',
    handle: g.handle,
    auto_type: null,
    created_by: g.createdBy,
    updated_by: g.createdBy,
    deleted_by: null,
    date_create: nowSeconds,
    date_update: nowSeconds,
    date_delete: 0,
    prefs: { channels: [], groups: [] },
    users: [...g.users],
    user_count: g.users.length,
  };
}

/** Returns the conversation as Slack's API shows it to the bot: without the member list, with is_member. */
export function channelForApi(channel: SlackChannel, botUserId: string, withMemberCount = false): Record<string, unknown> {
  const { members, user, ...rest } = channel;
  const shown: Record<string, unknown> = { ...rest, is_member: members.includes(botUserId) };
  if (channel.is_im) shown.user = user;
  if (withMemberCount) shown.num_members = members.length;
  return shown;
}

function timeZoneOffsetSeconds(tz: string): number {
  try {
    const label = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName')?.value;
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(label ?? '');
    if (!match) return 0;
    const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60;
    return match[1] === '-' ? -seconds : seconds;
  } catch {
    return 0;
  }
}

function describeTimeZone(tz: string): string {
  try {
    return (
      new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'long' })
        .formatToParts(new Date())
        .find((p) => p.type === 'timeZoneName')?.value ?? tz
    );
  } catch {
    return tz;
  }
}
