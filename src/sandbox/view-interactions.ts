import { SlackApiError } from './api-error';
import { readView } from './api-methods/views';
import type { BotLink } from './bot-link';
import type { BotResponse } from './bot-transport';
import { interactionBase, viewPayload } from './payloads';
import { lateOrFailed, withProblems } from './slack-side';
import type { TriggerRegistry } from './triggers';
import type { Workspace } from './workspace';
import type { SlackUser, SlackView } from './workspace-types';

export type ViewStateValues = Record<string, Record<string, unknown>>;

/** A user submitting and closing modals, and Slack applying the app's response_action to the view stack. */
export class ViewInteractions {
  constructor(
    private readonly link: BotLink,
    private readonly triggers: TriggerRegistry,
  ) {}

  private get ws(): Workspace {
    return this.link.app.workspace;
  }

  /** Submits a modal with the given state values and applies the app's answer (errors, update, push, clear, or close). */
  async submitView(o: { user: string; viewId: string; values: ViewStateValues }): Promise<BotResponse> {
    const { user, view } = this.openView(o.user, o.viewId);
    view.state = { values: JSON.parse(JSON.stringify(o.values)) as ViewStateValues };
    const response = await this.link.sendInteraction({
      ...interactionBase(this.link.app, 'view_submission', user),
      trigger_id: this.triggers.issue(user.id),
      view: viewPayload(view),
      response_urls: [],
    });
    return withProblems(response, [...lateOrFailed(response), ...this.applyAnswer(user.id, view, response)]);
  }

  /** Closes a modal as the user would; the app hears of it (view_closed) only when the view asked with notify_on_close. */
  async closeView(o: { user: string; viewId: string }): Promise<BotResponse> {
    const { user, view } = this.openView(o.user, o.viewId);
    const shown = viewPayload(view);
    this.ws.viewStore.close(user.id, view.clear_on_close);
    if (!view.notify_on_close) return { status: 0, body: '', elapsedMs: 0 };
    return this.link.sendInteraction({
      ...interactionBase(this.link.app, 'view_closed', user),
      view: shown,
      is_cleared: view.clear_on_close,
    });
  }

  private openView(userId: string, viewId: string): { user: SlackUser; view: SlackView } {
    const user = this.ws.users.get(userId);
    if (!user) throw new Error(`Unknown user ${userId}`);
    const stack = this.ws.openViews(userId);
    const view = stack[stack.length - 1];
    if (!view || view.id !== viewId) {
      throw new Error(`View ${viewId} is not the modal on top of ${userId}'s stack (${stack.map((v) => v.id).join(', ') || 'none open'})`);
    }
    return { user, view };
  }

  private applyAnswer(userId: string, view: SlackView, response: BotResponse): string[] {
    if (response.status !== 200) return [];
    const answer = (response.json ?? {}) as { response_action?: string; errors?: Record<string, string>; view?: unknown };
    const store = this.ws.viewStore;
    try {
      switch (answer.response_action) {
        case 'errors':
          store.setErrors(view.id, answer.errors ?? {});
          return unknownErrorBlocks(view, answer.errors ?? {});
        case 'update':
          store.replace(view.id, readView(answer.view, 'modal'));
          return [];
        case 'push':
          return store.push(userId, readView(answer.view, 'modal')) ? [] : ['push_limit_reached'];
        case 'clear':
          store.close(userId, true);
          return [];
        default:
          store.close(userId, false);
          return [];
      }
    } catch (error) {
      if (!(error instanceof SlackApiError)) throw error;
      return [`${error.code}: ${error.messages.join('; ')}`];
    }
  }
}

/** Slack only accepts errors keyed by the block_id of an input block in the view. */
function unknownErrorBlocks(view: SlackView, errors: Record<string, string>): string[] {
  const inputs = new Set(
    view.blocks.filter((b) => (b as { type?: unknown }).type === 'input').map((b) => (b as { block_id?: unknown }).block_id),
  );
  return Object.keys(errors)
    .filter((blockId) => !inputs.has(blockId))
    .map((blockId) => `invalid_errors: ${blockId} is not the block_id of an input block`);
}
