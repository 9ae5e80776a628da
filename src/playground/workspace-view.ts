// The workspace as the page shows it: people (with their duty from the cast), the desk channel, the
// bot, and the names the Block Kit renderer needs for mentions. Read from the emulator every time,
// so the page never holds its own copy of Slack.

import type { SlackEmulator } from '../emulator/index.ts';
import type { RenderContext } from './blocks/index.ts';
import { CAST, DESK_CHANNEL, dutyLabel, FIRST_VIEWER } from './cast.ts';
import { BadRequest } from './http.ts';
import type { PersonView, WorkspaceView } from './page-types.ts';

export const APP_NAME = 'Booking Desk';
export const WORKSPACE_NAME = 'Booking Desk Playground';

function initials(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  return (words.length > 1 ? `${words[0]![0]}${words.at(-1)![0]}` : name.slice(0, 2)).toUpperCase();
}

export function personView(emulator: SlackEmulator, id: string): PersonView {
  const user = emulator.users().find((candidate) => candidate.id === id);
  const member = CAST.find((candidate) => candidate.id === id);
  const isBot = id === emulator.botUserId;
  const realName = isBot ? APP_NAME : (user?.realName ?? id);
  return {
    id,
    name: isBot ? APP_NAME : (user?.name ?? id),
    realName,
    tz: user?.tz ?? 'UTC',
    title: isBot ? 'App' : member ? dutyLabel(member) : '',
    region: member?.region ?? null,
    initials: isBot ? 'BD' : initials(realName),
    isBot,
  };
}

export function workspaceView(emulator: SlackEmulator): WorkspaceView {
  const people = emulator
    .users()
    .filter((user) => !user.isBot && !user.deleted)
    .map((user) => personView(emulator, user.id));
  // The cast's order (reps, then each region's desk, then the lead), anyone else after.
  const rank = (id: string) => {
    const index = CAST.findIndex((member) => member.id === id);
    return index < 0 ? CAST.length : index;
  };
  people.sort((a, b) => rank(a.id) - rank(b.id));
  return {
    name: WORKSPACE_NAME,
    domain: emulator.teamDomain,
    bot: personView(emulator, emulator.botUserId),
    deskChannel: { ...DESK_CHANNEL },
    people,
    firstViewer: FIRST_VIEWER,
  };
}

/** The person the page acts as; a clear error for anyone else (the bot included). */
export function viewerOf(emulator: SlackEmulator, id: string | null | undefined): PersonView {
  if (!id) throw new BadRequest('say who you are acting as: ?as=<user id>');
  const user = emulator.users().find((candidate) => candidate.id === id);
  if (!user || user.isBot || user.deleted) throw new BadRequest(`no person ${id} in the workspace`);
  return personView(emulator, id);
}

/** Names for mentions, the people a users_select offers, the reader's zone and the app's time. */
export function renderContext(emulator: SlackEmulator, viewer: PersonView, now: Date): RenderContext {
  const users = emulator.users().filter((user) => !user.deleted);
  const byId = new Map(users.map((user) => [user.id, user]));
  const channels = new Map(emulator.channels().map((channel) => [channel.id, channel.name]));
  const groups = new Map(emulator.usergroups().map((group) => [group.id, group.handle]));
  const people = users.filter((user) => !user.isBot).map((user) => ({ id: user.id, name: user.realName }));
  return {
    userName: (id) => (id === emulator.botUserId ? APP_NAME : byId.get(id)?.realName),
    channelName: (id) => channels.get(id),
    usergroupHandle: (id) => groups.get(id),
    users: () => people,
    conversations: () =>
      emulator
        .channels()
        .filter((channel) => !channel.isIm)
        .map((channel) => ({ id: channel.id, name: channel.name })),
    timeZone: viewer.tz,
    now,
    viewerId: viewer.id,
  };
}
