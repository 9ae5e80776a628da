// Who holds which role where: the desk config names a Slack user group and/or users per role and
// region; group membership comes from usergroups.users.list, cached briefly so clicks stay fast.
// While a region's role is covered (period end, a date marked short-staffed), the same role's
// members in its backup region hold it there too.

import type { WebClient } from '@slack/web-api';
import type { DeskConfig, Members } from '../config/desk-config.ts';
import type { Clock } from '../domain/clock.ts';
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

/**
 * The mention of a role's pool in a region, with the covering backup pool when coverage is on:
 * "<!subteam^S0BILLINGEMEA> · covering: <!subteam^S0BILLINGAPAC>".
 */
export function poolMention(config: DeskConfig, role: Role, region: Region, backup: Region | null): string {
  const own = roleMention(config, role, region);
  if (!backup || backup === region) return own;
  return `${own} · covering: ${roleMention(config, role, backup)}`;
}

/** The region whose same role covers `role` in `region` at `at`, or null (see src/app/coverage.ts). */
export type CoverageLookup = (region: Region, role: Role, at: Date) => Promise<Region | null>;

export interface RoleDirectoryOptions {
  /** Who covers a role at an instant. */
  coverage: CoverageLookup;
  /** The desk's time: coverage is checked at its now. */
  clock: Clock;
  /** Real time for the user group cache (Slack's memberships age in real time, not desk time). */
  now?: () => number;
}

export class RoleDirectory {
  private readonly groups = new Map<string, { users: Set<string>; expiresAt: number }>();
  private readonly fetching = new Map<string, Promise<Set<string>>>();
  private readonly coverage: CoverageLookup;
  private readonly clock: Clock;
  private readonly now: () => number;

  constructor(
    private readonly client: WebClient,
    private readonly config: DeskConfig,
    options: RoleDirectoryOptions,
  ) {
    this.coverage = options.coverage;
    this.clock = options.clock;
    this.now = options.now ?? Date.now;
  }

  /**
   * The person as the workflow sees them for one request's region: the roles they hold there, plus
   * the roles they hold in a backup region while that backup covers the role here.
   */
  async actorFor(userId: string, region: Region): Promise<Actor> {
    const roles: Role[] = [];
    for (const role of ROLES) {
      if (await this.holdsRole(userId, region, role)) roles.push(role);
    }
    return { userId, roles, isDeskAdmin: await this.isMember(userId, this.config.deskAdmins) };
  }

  /** Everyone a members entry names (its group's members and its users). */
  async membersOf(members: Members): Promise<string[]> {
    const group = members.usergroup ? await this.groupMembers(members.usergroup) : new Set<string>();
    return [...new Set([...group, ...members.users])];
  }

  /** Sales Support answers requesters' escalations. */
  async isSalesSupport(userId: string): Promise<boolean> {
    return this.isMember(userId, this.config.salesSupport);
  }

  private async holdsRole(userId: string, region: Region, role: Role): Promise<boolean> {
    const members = this.config.regions[region].roles[role];
    if (await this.isMember(userId, members)) return true;
    const backup = members.backup;
    if (!backup) return false;
    // Ask the database only about people in the backup pool.
    if (!(await this.isMember(userId, this.config.regions[backup].roles[role]))) return false;
    return (await this.coverage(region, role, this.clock.now())) === backup;
  }

  private async isMember(userId: string, members: Members): Promise<boolean> {
    if (members.users.includes(userId)) return true;
    if (!members.usergroup) return false;
    return (await this.groupMembers(members.usergroup)).has(userId);
  }

  private groupMembers(usergroup: string): Promise<Set<string>> {
    const cached = this.groups.get(usergroup);
    if (cached && cached.expiresAt > this.now()) return Promise.resolve(cached.users);
    // Everyone who misses the cache at once shares one call: a Home asks for every role group of
    // every region, and usergroups.users.list allows Slack only about 20 calls a minute.
    let fetching = this.fetching.get(usergroup);
    if (!fetching) {
      fetching = this.fetchGroup(usergroup, cached?.users).finally(() => this.fetching.delete(usergroup));
      this.fetching.set(usergroup, fetching);
    }
    return fetching;
  }

  private async fetchGroup(usergroup: string, known: Set<string> | undefined): Promise<Set<string>> {
    try {
      const answer = await this.client.usergroups.users.list({ usergroup });
      const users = new Set(answer.users ?? []);
      this.groups.set(usergroup, { users, expiresAt: this.now() + TTL_MS });
      return users;
    } catch {
      // Slack unreachable: keep acting on what we last knew rather than refusing everyone.
      return known ?? new Set();
    }
  }
}
