// Who an SLA nudge or escalation pings, as Slack mentions: the step's owner, its role group (with a
// covering backup pool), the role's lead, the desk lead. A missing lead falls back to the desk lead.

import type { DeskConfig, Members } from '../config/desk-config.ts';
import type { Region } from '../domain/regions.ts';
import type { Role } from '../domain/roles.ts';
import type { Audience } from '../domain/sla/policy.ts';
import { mentionUser } from '../slack/mrkdwn.ts';
import { roleMention } from '../slack/role-directory.ts';

export interface AudienceScope {
  config: DeskConfig;
  region: Region;
  /** The role whose step the clock is about; null when no step is active. */
  role: Role | null;
  /** Who took the step, if anyone. */
  ownerId: string | null;
  /** The group mention of the role (with its covering pool when coverage is on). */
  groupMention?: string;
}

export function membersMention(members: Members): string {
  if (members.usergroup) return `<!subteam^${members.usergroup}>`;
  return members.users.map(mentionUser).join(' ');
}

export function deskLeadMention(config: DeskConfig): string {
  return membersMention(config.deskLeads ?? config.deskAdmins);
}

/** Mentions for one alert, in audience order, without repeats. */
export function audienceMentions(scope: AudienceScope, notify: readonly Audience[]): string[] {
  const { config, region, role, ownerId } = scope;
  const group = role ? (scope.groupMention ?? roleMention(config, role, region)) : null;
  const mentions: string[] = [];
  for (const audience of notify) {
    if (audience === 'step_owner') {
      // Nobody took the step: the whole group is its owner.
      const owner = ownerId ? mentionUser(ownerId) : group;
      if (owner) mentions.push(owner);
    } else if (audience === 'role_group') {
      if (group) mentions.push(group);
    } else if (audience === 'role_lead') {
      const lead = role ? config.regions[region].roles[role].lead : undefined;
      mentions.push(lead ? mentionUser(lead) : deskLeadMention(config));
    } else {
      mentions.push(deskLeadMention(config));
    }
  }
  if (mentions.length === 0) mentions.push(deskLeadMention(config));
  return [...new Set(mentions)];
}
