import type { SlackChannel } from '../../src/sandbox/workspace-types';
import { eventually, type Harness } from './harness';

/** Declares an incident with the slash command and returns its channel once the header is pinned. */
export async function declareBySlash(h: Harness, text: string, user = h.users.ana, channel = h.channels.general): Promise<SlackChannel> {
  const before = new Set(h.emulator.workspace.channels.keys());
  const res = await h.emulator.slashCommand({ user, channel, text: `declare ${text}` });
  if (res.status !== 200) throw new Error(`declare answered ${res.status}: ${res.body}`);
  return eventually(() => {
    const created = [...h.emulator.workspace.channels.values()].find((c) => !before.has(c.id));
    if (!created || h.emulator.workspace.pins(created.id).length === 0) throw new Error('incident channel not ready yet');
    return created;
  });
}

/** The text of every block of a message, joined, for assertions on what people read. */
export function blockText(message: { blocks?: unknown[]; text?: string } | undefined): string {
  return JSON.stringify(message?.blocks ?? message?.text ?? '');
}

/** Values for emulator.submitView from plain strings per block id (each input's action id is "value"). */
export function textValues(values: Record<string, string>): Record<string, Record<string, unknown>> {
  return Object.fromEntries(Object.entries(values).map(([block, value]) => [block, { value: { type: 'plain_text_input', value } }]));
}
