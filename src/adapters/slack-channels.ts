import type { WebClient } from '@slack/web-api';

const cache = new WeakMap<WebClient, Map<string, string>>();

/**
 * Finds a channel id from the config's value: an id (C…/G…) as is, or a name looked up with
 * conversations.list (paginated) and remembered per client.
 */
export async function resolveChannelId(client: WebClient, nameOrId: string): Promise<string | null> {
  const wanted = nameOrId.replace(/^#/, '');
  if (/^[CG][A-Z0-9]{6,}$/.test(wanted)) return wanted;
  const known = cache.get(client) ?? new Map<string, string>();
  cache.set(client, known);
  const hit = known.get(wanted);
  if (hit) return hit;
  let cursor: string | undefined;
  do {
    const res = await client.conversations.list({ types: 'public_channel,private_channel', exclude_archived: true, limit: 200, cursor });
    const found = res.channels?.find((c) => c.name === wanted);
    if (found?.id) {
      known.set(wanted, found.id);
      return found.id;
    }
    cursor = res.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return null;
}
