import { buildAction, findElement, stateEntry, type ActionInput } from './interactions';
import { channelName, interactionBase, viewPayload, type AppContext } from './payloads';
import type { ResponseUrls } from './response-urls';
import type { TriggerRegistry } from './triggers';
import type { SlackChannel, SlackUser } from './workspace-types';

type Json = Record<string, unknown>;

/** Builds block_actions payloads from stored messages and views, remembering what users picked in messages. */
export class ActionPayloads {
  private readonly messageStates = new Map<string, Record<string, Record<string, unknown>>>();

  constructor(
    private readonly app: AppContext,
    private readonly triggers: TriggerRegistry,
    private readonly responseUrls: ResponseUrls,
    private readonly baseUrl: () => string,
  ) {}

  /** The payload for an element used in a channel message or an ephemeral message. */
  forMessage(o: ActionInput & { messageTs: string }, channel: SlackChannel, user: SlackUser): Json {
    const ws = this.app.workspace;
    const ephemeral = ws.store.findEphemeral(o.messageTs);
    const found = ephemeral ? undefined : ws.store.find(channel.id, o.messageTs);
    if (!ephemeral && !found) throw new Error(`No message ${o.messageTs} in ${channel.id}`);
    const element = findElement(ephemeral?.blocks ?? found?.message.blocks, o.actionId, o.blockId);
    if (!element) throw new Error(`No element with action_id '${o.actionId}' in message ${o.messageTs}`);
    const state = this.rememberChoice(`${channel.id}:${o.messageTs}`, element, o);
    const isEphemeral = ephemeral !== undefined;
    return {
      ...interactionBase(this.app, 'block_actions', user),
      container: {
        type: 'message', message_ts: o.messageTs, channel_id: channel.id, is_ephemeral: isEphemeral,
        thread_ts: ephemeral?.thread_ts ?? found?.threadTs,
      },
      trigger_id: this.triggers.issue(user.id),
      channel: { id: channel.id, name: channelName(channel) },
      // Slack leaves the message out of payloads from ephemeral messages.
      message: found ? { ...found.message } : undefined,
      state: { values: state },
      response_url: this.responseUrls.issue(this.baseUrl(), {
        channel: channel.id, user: user.id, original: { ts: o.messageTs, ephemeral: isEphemeral },
      }),
      actions: [buildAction(element, o, ws.clock.next())],
    };
  }

  /** The payload for an element used in an open modal or a home tab; the view's state is updated first. */
  forView(o: ActionInput & { viewId: string }, user: SlackUser): Json {
    const ws = this.app.workspace;
    const view = ws.views.get(o.viewId);
    if (!view) throw new Error(`No open view ${o.viewId}`);
    const element = findElement(view.blocks, o.actionId, o.blockId);
    if (!element) throw new Error(`No element with action_id '${o.actionId}' in view ${o.viewId}`);
    if (element.element.type !== 'button') {
      const values = view.state.values;
      values[element.blockId] = { ...values[element.blockId], [o.actionId]: stateEntry(element.element, o) };
    }
    return {
      ...interactionBase(this.app, 'block_actions', user),
      container: { type: 'view', view_id: view.id },
      trigger_id: this.triggers.issue(user.id),
      view: viewPayload(view),
      actions: [buildAction(element, o, ws.clock.next())],
    };
  }

  private rememberChoice(key: string, element: { blockId: string; element: Json }, o: ActionInput): Record<string, Record<string, unknown>> {
    const state = this.messageStates.get(key) ?? {};
    if (element.element.type !== 'button') {
      state[element.blockId] = { ...state[element.blockId], [o.actionId]: stateEntry(element.element, o) };
      this.messageStates.set(key, state);
    }
    return state;
  }
}
