import { SlackApiError } from '../api-error';
import type { Workspace } from '../workspace';
import type { SlackFile } from '../workspace-types';
import { channelArg, integerArg, jsonArg, listArg, optionalString, requireBotMember, requiredString } from './args';
import { botMessage } from './chat';
import type { ApiArgs, MethodContext, MethodTable } from './context';

const MIME_TYPES: Record<string, string> = {
  txt: 'text/plain', log: 'text/plain', md: 'text/markdown', csv: 'text/csv', json: 'application/json',
  yaml: 'application/x-yaml', yml: 'application/x-yaml', pdf: 'application/pdf', png: 'image/png',
  jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', gz: 'application/gzip', zip: 'application/zip',
};

/** The external-upload flow (files.getUploadURLExternal, the upload URL, files.completeUploadExternal) and files.info. */
export const fileMethods: MethodTable = {
  'files.getUploadURLExternal': getUploadUrl,
  'files.completeUploadExternal': completeUpload,
  'files.info': fileInfo,
};

/** Stores the bytes POSTed to an upload URL; returns false when the URL is unknown or already used. */
export function receiveUpload(ws: Workspace, fileId: string, bytes: Buffer): boolean {
  const file = ws.files.get(fileId);
  if (!file || file.completed) return false;
  file.content = bytes;
  file.size = bytes.length;
  return true;
}

/** A file as the Web API shows it (without the stored bytes). */
export function fileForApi(file: SlackFile): Record<string, unknown> {
  const { content: _content, completed: _completed, ...rest } = file;
  return {
    ...rest,
    timestamp: file.created,
    pretty_type: file.filetype,
    mode: 'hosted',
    is_external: false,
    is_public: file.channels.some((c) => c.startsWith('C')),
    url_private_download: file.url_private,
  };
}

function getUploadUrl(ctx: MethodContext, args: ApiArgs) {
  const ws = ctx.workspace;
  const filename = requiredString(args, 'filename');
  const length = integerArg(args, 'length', -1);
  if (length < 0) throw new SlackApiError('invalid_arguments', ['[ERROR] missing required field: length']);
  const id = ws.ids.next('F');
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? '';
  ws.files.set(id, {
    id,
    name: filename,
    title: filename,
    mimetype: MIME_TYPES[extension] ?? 'application/octet-stream',
    filetype: extension || 'text',
    size: length,
    user: ws.bot.userId,
    created: ws.nowSeconds(),
    channels: [],
    url_private: `${ctx.baseUrl}/files/${id}/${encodeURIComponent(filename)}`,
    permalink: `https://${ws.team.domain}.slack.com/files/${ws.bot.userId}/${id}/${filename}`,
    content: Buffer.alloc(0),
    completed: false,
    alt_text: optionalString(args, 'alt_text'),
  });
  return { upload_url: `${ctx.baseUrl}/upload/${id}`, file_id: id };
}

function completeUpload(ctx: MethodContext, args: ApiArgs) {
  const ws = ctx.workspace;
  const entries = jsonArg(args, 'files', 'invalid_arguments');
  if (!Array.isArray(entries) || entries.length === 0) {
    throw new SlackApiError('invalid_arguments', ['[ERROR] missing required field: files']);
  }
  const files = entries.map((entry: { id?: string; title?: string }) => {
    const file = entry.id ? ws.files.get(entry.id) : undefined;
    if (!file || file.completed) throw new SlackApiError('file_not_found');
    return { file, title: entry.title };
  });
  const channelIds = args.channel_id !== undefined ? [optionalString(args, 'channel_id') ?? ''] : listArg(args, 'channels');
  const channels = channelIds.map((id) => channelArg(ws, { channel: id }));
  channels.filter((c) => c.is_private).forEach((c) => requireBotMember(ws, c));
  for (const { file, title } of files) {
    file.completed = true;
    file.title = title ?? file.title;
    file.channels = channels.map((c) => c.id);
  }
  for (const channel of channels) shareInChannel(ctx, channel.id, files.map((f) => f.file), args);
  return { files: files.map(({ file }) => ({ id: file.id, title: file.title })) };
}

function shareInChannel(ctx: MethodContext, channelId: string, files: SlackFile[], args: ApiArgs): void {
  const ws = ctx.workspace;
  const blocks = jsonArg(args, 'blocks', 'invalid_blocks_format');
  const message = botMessage(ws, {
    text: optionalString(args, 'initial_comment') ?? '',
    blocks: Array.isArray(blocks) ? blocks : undefined,
  });
  message.files = files.map(fileForApi);
  message.upload = true;
  const threadTs = optionalString(args, 'thread_ts');
  if (threadTs === undefined) {
    ws.store.addTopLevel(channelId, message);
  } else {
    message.thread_ts = threadTs;
    ws.store.addReply(channelId, threadTs, message);
  }
  ctx.onBotMessage(channelId, message);
}

function fileInfo(ctx: MethodContext, args: ApiArgs) {
  const file = ctx.workspace.files.get(optionalString(args, 'file') ?? '');
  if (!file || !file.completed) throw new SlackApiError('file_not_found');
  return { file: fileForApi(file), content: '', is_truncated: false, comments: [] };
}
