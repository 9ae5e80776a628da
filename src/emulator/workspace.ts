/** The workspace: team, bot user, users, channels, DMs and user groups. */
import type { EmulatedChannel, EmulatedUser, EmulatedUsergroup } from './types.ts';

export interface WorkspaceIdentity {
  teamId: string;
  teamDomain: string;
  botUserId: string;
  botId: string;
  appId: string;
  botName: string;
}

export class Workspace {
  readonly users = new Map<string, EmulatedUser>();
  readonly channels = new Map<string, EmulatedChannel>();
  readonly usergroups = new Map<string, EmulatedUsergroup>();
  private readonly dms = new Map<string, string>();

  constructor(readonly identity: WorkspaceIdentity) {
    this.addUser({
      id: identity.botUserId,
      name: identity.botName,
      realName: identity.botName,
      tz: 'UTC',
      isBot: true,
    });
  }

  addUser(user: EmulatedUser): EmulatedUser {
    this.users.set(user.id, { ...user });
    return user;
  }

  addChannel(channel: EmulatedChannel): EmulatedChannel {
    this.channels.set(channel.id, { ...channel });
    return channel;
  }

  addUsergroup(group: EmulatedUsergroup): EmulatedUsergroup {
    this.usergroups.set(group.id, { ...group, users: [...group.users] });
    return group;
  }

  /** A channel by id or `#name`/`name`; a user id resolves to the bot's DM with that user. */
  resolveChannel(ref: string): EmulatedChannel | undefined {
    const byId = this.channels.get(ref);
    if (byId) return byId;
    if (/^[UW]/.test(ref) && this.users.has(ref)) return this.openDm(ref);
    const name = ref.replace(/^#/, '');
    return [...this.channels.values()].find((c) => c.name === name && !c.isIm);
  }

  /** The bot's DM with a user: created on first use, stable afterwards. */
  openDm(userId: string): EmulatedChannel {
    const existing = this.dms.get(userId);
    if (existing) return this.channels.get(existing)!;
    let id = `D${userId.replace(/^[UW]/, '')}`;
    for (let n = 2; this.channels.has(id); n++) id = `D${userId.replace(/^[UW]/, '')}${n}`;
    const dm: EmulatedChannel = {
      id,
      name: id,
      isIm: true,
      imUser: userId,
      members: [userId, this.identity.botUserId],
    };
    this.channels.set(id, dm);
    this.dms.set(userId, id);
    return dm;
  }

  dmIdOf(userId: string): string | undefined {
    return this.dms.get(userId);
  }

  isMember(channel: EmulatedChannel, userId: string): boolean {
    if (userId === this.identity.botUserId) return channel.botIsMember !== false;
    return channel.members === undefined || channel.members.includes(userId);
  }

  /** Forgets DMs (seeded users, channels and groups stay). */
  reset(): void {
    for (const id of this.dms.values()) this.channels.delete(id);
    this.dms.clear();
  }
}
