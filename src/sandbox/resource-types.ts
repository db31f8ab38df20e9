/** Shapes of the workspace's other resources: bookmarks, user groups, files, views and the API call log. */

export interface Bookmark {
  id: string;
  channel_id: string;
  title: string;
  link: string;
  emoji: string;
  icon_url: string | null;
  type: string;
  entity_id: string | null;
  date_created: number;
  date_updated: number;
  rank: string;
  last_updated_by_user_id: string;
  last_updated_by_team_id: string;
  shortcut_id: string | null;
  app_id: string | null;
}

export interface Usergroup {
  id: string;
  team_id: string;
  is_usergroup: boolean;
  is_external: boolean;
  name: string;
  description: string;
  handle: string;
  auto_type: string | null;
  created_by: string;
  updated_by: string;
  deleted_by: string | null;
  date_create: number;
  date_update: number;
  date_delete: number;
  prefs: { channels: string[]; groups: string[] };
  users: string[];
  user_count: number;
}

export interface SlackFile {
  id: string;
  name: string;
  title: string;
  mimetype: string;
  filetype: string;
  size: number;
  user: string;
  created: number;
  channels: string[];
  url_private: string;
  permalink: string;
  /** The uploaded bytes; not part of Slack's file JSON. */
  content: Buffer;
  /** False until files.completeUploadExternal has run. */
  completed: boolean;
  alt_text?: string;
}

export interface SlackView {
  id: string;
  team_id: string;
  type: 'modal' | 'home';
  blocks: unknown[];
  private_metadata: string;
  callback_id: string;
  state: { values: Record<string, Record<string, unknown>> };
  hash: string;
  title?: unknown;
  close?: unknown;
  submit?: unknown;
  clear_on_close: boolean;
  notify_on_close: boolean;
  previous_view_id: string | null;
  root_view_id: string;
  app_id: string;
  external_id: string;
  app_installed_team_id: string;
  bot_id: string;
}

export interface ApiCallRecord {
  method: string;
  args: Record<string, unknown>;
  ok: boolean;
  error?: string;
  at: number;
}
