// How the transcript names things: people by their Slack handle, the bot by its app name, channels
// and user groups as the seeded workspace has them.

import type { RenderContext } from '../transcript/index.ts';
import type { SeededWorkspace } from './seed.ts';

export const APP_NAME = 'Booking Desk';

export function workspaceNames(
  seeded: SeededWorkspace,
  botUserId: string,
): Required<Pick<RenderContext, 'userName' | 'channelName' | 'usergroupHandle' | 'appName'>> {
  const users = new Map(seeded.users.map((user) => [user.id, user.name]));
  users.set(botUserId, APP_NAME);
  const channels = new Map(seeded.channels.map((channel) => [channel.id, channel.name]));
  const groups = new Map(seeded.usergroups.map((group) => [group.id, group.handle]));
  return {
    userName: (id) => users.get(id),
    channelName: (id) => channels.get(id),
    usergroupHandle: (id) => groups.get(id),
    appName: APP_NAME,
  };
}
