import { SlackApiError } from '../api-error';
import type { Usergroup } from '../workspace-types';
import { booleanArg, optionalString, pageByOffset, requiredString } from './args';
import type { ApiArgs, MethodContext, MethodTable } from './context';

/** users.* and usergroups.* methods. */
export const userMethods: MethodTable = {
  'users.info': usersInfo,
  'users.list': usersList,
  'users.lookupByEmail': lookupByEmail,
  'usergroups.list': usergroupsList,
  'usergroups.users.list': usergroupUsers,
};

function usersInfo(ctx: MethodContext, args: ApiArgs) {
  const id = optionalString(args, 'user');
  const user = id === undefined ? undefined : ctx.workspace.users.get(id);
  if (!user) throw new SlackApiError('user_not_found');
  return { user };
}

function usersList(ctx: MethodContext, args: ApiArgs) {
  const { page, next } = pageByOffset([...ctx.workspace.users.values()], args, 'users:');
  return { members: page, cache_ts: ctx.workspace.nowSeconds(), response_metadata: { next_cursor: next } };
}

function lookupByEmail(ctx: MethodContext, args: ApiArgs) {
  const email = requiredString(args, 'email', 'users_not_found').toLowerCase();
  const user = [...ctx.workspace.users.values()].find((u) => u.profile.email?.toLowerCase() === email);
  if (!user) throw new SlackApiError('users_not_found');
  return { user };
}

function usergroupsList(ctx: MethodContext, args: ApiArgs) {
  const includeUsers = booleanArg(args, 'include_users');
  const includeDisabled = booleanArg(args, 'include_disabled');
  const groups = [...ctx.workspace.usergroups.values()]
    .filter((g) => includeDisabled || g.date_delete === 0)
    .map((g) => show(g, includeUsers));
  return { usergroups: groups };
}

function usergroupUsers(ctx: MethodContext, args: ApiArgs) {
  const id = requiredString(args, 'usergroup');
  const group = ctx.workspace.usergroups.get(id);
  if (!group) throw new SlackApiError('no_such_subteam');
  return { users: [...group.users] };
}

function show(group: Usergroup, includeUsers: boolean): Record<string, unknown> {
  const { users, ...rest } = group;
  return includeUsers ? { ...rest, users: [...users] } : rest;
}
