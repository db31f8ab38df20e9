import { randomHex, type IdGenerator } from './ids';
import type { SlackView } from './workspace-types';

export const MAX_MODAL_STACK = 3;

export interface ViewOwner {
  ids: IdGenerator;
  teamId: string;
  appId: string;
  botId: string;
}

/** Modals (a stack per user, at most three deep) and home tabs, by view id. */
export class ViewStore {
  readonly views = new Map<string, SlackView>();
  private readonly stacks = new Map<string, string[]>();
  private readonly homes = new Map<string, string>();
  private readonly owners = new Map<string, string>();
  private readonly errorsByView = new Map<string, Record<string, string>>();

  constructor(private readonly owner: ViewOwner) {}

  /** The user's open modals, bottom of the stack first. */
  openViews(userId: string): SlackView[] {
    return (this.stacks.get(userId) ?? []).map((id) => this.views.get(id)).filter((v): v is SlackView => !!v);
  }

  /** The home tab last published for the user. */
  homeView(userId: string): SlackView | undefined {
    const id = this.homes.get(userId);
    return id ? this.views.get(id) : undefined;
  }

  /** The user a view belongs to. */
  ownerOf(viewId: string): string | undefined {
    return this.owners.get(viewId);
  }

  /** Field errors the app last answered for a view submission (response_action: errors). */
  errors(viewId: string): Record<string, string> | undefined {
    return this.errorsByView.get(viewId);
  }

  /** Records the field errors of a rejected submission. */
  setErrors(viewId: string, errors: Record<string, string>): void {
    this.errorsByView.set(viewId, errors);
  }

  /** Opens a modal as the only view of the user's stack. */
  open(userId: string, spec: Record<string, unknown>): SlackView {
    for (const id of this.stacks.get(userId) ?? []) this.forget(id);
    const view = this.create(userId, spec, null, undefined);
    this.stacks.set(userId, [view.id]);
    return view;
  }

  /** Pushes a modal onto the user's stack; returns undefined when three are already open. */
  push(userId: string, spec: Record<string, unknown>): SlackView | undefined {
    const stack = this.stacks.get(userId) ?? [];
    if (stack.length >= MAX_MODAL_STACK) return undefined;
    const top = stack[stack.length - 1];
    const view = this.create(userId, spec, top ?? null, stack[0]);
    this.stacks.set(userId, [...stack, view.id]);
    return view;
  }

  /** Replaces a view's content, keeping its id and place, with a fresh hash. */
  replace(viewId: string, spec: Record<string, unknown>): SlackView {
    const old = this.views.get(viewId);
    if (!old) throw new Error(`unknown view ${viewId}`);
    const view: SlackView = {
      ...fromSpec(spec, old.type),
      id: old.id,
      team_id: old.team_id,
      hash: newHash(),
      state: keepState(old, spec),
      previous_view_id: old.previous_view_id,
      root_view_id: old.root_view_id,
      app_id: old.app_id,
      app_installed_team_id: old.app_installed_team_id,
      bot_id: old.bot_id,
    };
    this.views.set(viewId, view);
    this.errorsByView.delete(viewId);
    return view;
  }

  /** Publishes (creates or replaces) the user's home tab. */
  publishHome(userId: string, spec: Record<string, unknown>): SlackView {
    const existing = this.homes.get(userId);
    if (existing) return this.replace(existing, { ...spec, type: 'home' });
    const view = this.create(userId, { ...spec, type: 'home' }, null, undefined);
    this.homes.set(userId, view.id);
    return view;
  }

  /** Closes the top modal of the user's stack, or the whole stack when asked. */
  close(userId: string, clearAll: boolean): void {
    const stack = this.stacks.get(userId) ?? [];
    const closing = clearAll ? stack : stack.slice(-1);
    for (const id of closing) this.forget(id);
    this.stacks.set(userId, stack.slice(0, stack.length - closing.length));
  }

  /** Finds a view by the external_id the app gave it. */
  byExternalId(externalId: string): SlackView | undefined {
    return [...this.views.values()].find((v) => v.external_id === externalId);
  }

  private create(userId: string, spec: Record<string, unknown>, previous: string | null, root: string | undefined): SlackView {
    const id = this.owner.ids.next('V');
    const view: SlackView = {
      ...fromSpec(spec, spec.type === 'home' ? 'home' : 'modal'),
      id,
      team_id: this.owner.teamId,
      state: { values: {} },
      hash: newHash(),
      previous_view_id: previous,
      root_view_id: root ?? id,
      app_id: this.owner.appId,
      app_installed_team_id: this.owner.teamId,
      bot_id: this.owner.botId,
    };
    this.views.set(id, view);
    this.owners.set(id, userId);
    return view;
  }

  private forget(viewId: string): void {
    this.views.delete(viewId);
    this.errorsByView.delete(viewId);
  }
}

type ViewContent = Omit<SlackView, 'id' | 'team_id' | 'state' | 'hash' | 'previous_view_id' | 'root_view_id' | 'app_id' | 'app_installed_team_id' | 'bot_id'>;

function fromSpec(spec: Record<string, unknown>, type: 'modal' | 'home'): ViewContent {
  return {
    type,
    blocks: Array.isArray(spec.blocks) ? spec.blocks : [],
    private_metadata: typeof spec.private_metadata === 'string' ? spec.private_metadata : '',
    callback_id: typeof spec.callback_id === 'string' ? spec.callback_id : '',
    title: spec.title,
    close: spec.close ?? null,
    submit: spec.submit ?? null,
    clear_on_close: spec.clear_on_close === true,
    notify_on_close: spec.notify_on_close === true,
    external_id: typeof spec.external_id === 'string' ? spec.external_id : '',
  };
}

function keepState(old: SlackView, spec: Record<string, unknown>): SlackView['state'] {
  const blockIds = new Set(
    (Array.isArray(spec.blocks) ? spec.blocks : []).map((b) => (b as { block_id?: unknown }).block_id).filter(Boolean),
  );
  const values = Object.fromEntries(Object.entries(old.state.values).filter(([blockId]) => blockIds.has(blockId)));
  return { values };
}

function newHash(): string {
  return `${Math.floor(Date.now() / 1000)}.${randomHex(8)}`;
}
