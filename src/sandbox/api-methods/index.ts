import { authTeamMethods } from './auth-team';
import { chatMethods } from './chat';
import type { MethodTable } from './context';
import { historyMethods } from './conversation-history';
import { conversationMethods } from './conversations';
import { fileMethods } from './files';
import { pinReactionBookmarkMethods } from './pins-reactions-bookmarks';
import { userMethods } from './users-usergroups';
import { viewMethods } from './views';

/** Every Web API method the emulator implements, by name. */
export const API_METHODS: MethodTable = {
  ...authTeamMethods,
  ...chatMethods,
  ...conversationMethods,
  ...historyMethods,
  ...pinReactionBookmarkMethods,
  ...userMethods,
  ...viewMethods,
  ...fileMethods,
};

export type { ApiArgs, ApiResult, MethodContext, MethodHandler, MethodTable } from './context';
export { receiveUpload, fileForApi } from './files';
