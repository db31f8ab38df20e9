import { SlackApiError } from '../api-error';
import { isObject } from '../block-kit-elements';
import { assignBlockIds, validateView } from '../block-kit-validate';
import type { SlackView } from '../workspace-types';
import { jsonArg, optionalString, requiredString } from './args';
import type { ApiArgs, MethodContext, MethodTable } from './context';

/** views.* methods: modals (open, push, update) and home tabs (publish). */
export const viewMethods: MethodTable = {
  'views.open': open,
  'views.push': push,
  'views.update': update,
  'views.publish': publish,
};

/** Parses and checks a view argument; throws invalid_arguments with Slack-style lines when it breaks a rule. */
export function readView(value: unknown, expectedType?: 'modal' | 'home'): Record<string, unknown> {
  const problems = validateView(value, expectedType);
  if (problems.length > 0) throw new SlackApiError('invalid_arguments', problems);
  const spec = value as Record<string, unknown>;
  return { ...spec, blocks: assignBlockIds(spec.blocks as unknown[]) };
}

function viewArg(args: ApiArgs, expectedType?: 'modal' | 'home'): Record<string, unknown> {
  if (args.view === undefined || args.view === '') throw new SlackApiError('invalid_arguments', ['[ERROR] missing required field: view']);
  const value = jsonArg(args, 'view', 'invalid_arguments');
  if (!isObject(value)) throw new SlackApiError('invalid_arguments', ['[ERROR] view must be a JSON object']);
  return readView(value, expectedType);
}

function open(ctx: MethodContext, args: ApiArgs) {
  const triggerId = requiredString(args, 'trigger_id');
  const spec = viewArg(args, 'modal');
  const userId = ctx.triggers.consume(triggerId);
  return { view: ctx.workspace.viewStore.open(userId, spec) };
}

function push(ctx: MethodContext, args: ApiArgs) {
  const triggerId = requiredString(args, 'trigger_id');
  const spec = viewArg(args, 'modal');
  const userId = ctx.triggers.consume(triggerId);
  const view = ctx.workspace.viewStore.push(userId, spec);
  if (!view) throw new SlackApiError('push_limit_reached');
  return { view };
}

function update(ctx: MethodContext, args: ApiArgs) {
  const store = ctx.workspace.viewStore;
  const viewId = optionalString(args, 'view_id');
  const externalId = optionalString(args, 'external_id');
  if (!viewId && !externalId) {
    throw new SlackApiError('invalid_arguments', ['[ERROR] either view_id or external_id is required']);
  }
  const existing = viewId ? store.views.get(viewId) : store.byExternalId(externalId as string);
  if (!existing) throw new SlackApiError('not_found');
  const spec = viewArg(args, existing.type);
  checkHash(args, existing);
  return { view: store.replace(existing.id, spec) };
}

function publish(ctx: MethodContext, args: ApiArgs) {
  const ws = ctx.workspace;
  const userId = requiredString(args, 'user_id');
  const user = ws.users.get(userId);
  if (!user || user.is_bot) throw new SlackApiError('invalid_arguments', ['invalid `user_id`']);
  const spec = viewArg(args, 'home');
  const existing = ws.homeView(userId);
  if (existing) checkHash(args, existing);
  return { view: ws.viewStore.publishHome(userId, spec) };
}

function checkHash(args: ApiArgs, view: SlackView): void {
  const hash = optionalString(args, 'hash');
  if (hash !== undefined && hash !== view.hash) throw new SlackApiError('hash_conflict');
}
