// Who holds which role where: the desk config names a Slack user group and/or users per role and
// region; group membership comes from usergroups.users.list, cached briefly so clicks stay fast.

import type { WebClient } from '@slack/web-api';
import type { DeskConfig, Members } from '../config/desk-config.ts';
import type { Region } from '../domain/regions.ts';
import { ROLE_LABELS, ROLES, type Role } from '../domain/roles.ts';
import type { Actor } from '../domain/workflow/commands.ts';

const TTL_MS = 60_000;

/** The mrkdwn that pings a role in a region: its user group, else its people, else its name. */
export function roleMention(config: DeskConfig, role: Role, region: Region): string {
  const members = config.regions[region].roles[role];
  if (members.usergroup) return `<!subteam^${members.usergroup}>`;
  if (members.users.length > 0) return members.users.map((user) => `<@${user}>`).join(' ');
  return `${ROLE_LABELS[role]} ${region}`;
}

export class RoleDirectory {
  private readonly groups = new Map<string, { users: Set<string>; expiresAt: number }>();

  constructor(
    private readonly client: WebClient,
    private readonly config: DeskConfig,
    private readonly now: () => number = Date.now,
  ) {}

  /** The person as the workflow sees them for one request's region. */
  async actorFor(userId: string, region: Region): Promise<Actor> {
    const roles: Role[] = [];
    for (const role of ROLES) {
      if (await this.isMember(userId, this.config.regions[region].roles[role])) roles.push(role);
    }
    return { userId, roles, isDeskAdmin: await this.isMember(userId, this.config.deskAdmins) };
  }

  private async isMember(userId: string, members: Members): Promise<boolean> {
    if (members.users.includes(userId)) return true;
    if (!members.usergroup) return false;
    return (await this.groupMembers(members.usergroup)).has(userId);
  }

  private async groupMembers(usergroup: string): Promise<Set<string>> {
    const cached = this.groups.get(usergroup);
    if (cached && cached.expiresAt > this.now()) return cached.users;
    try {
      const answer = await this.client.usergroups.users.list({ usergroup });
      const users = new Set(answer.users ?? []);
      this.groups.set(usergroup, { users, expiresAt: this.now() + TTL_MS });
      return users;
    } catch {
      // Slack unreachable: keep acting on what we last knew rather than refusing everyone.
      return cached?.users ?? new Set();
    }
  }
}
