// The answers to `/book coverage <REGION> <date> …` and `/book coverage clear …`, shown only to the
// person who typed it: what was marked or cleared and who covers, or what is wrong and how to fix it.

import { DateTime } from 'luxon';
import type { ClearResult, CoverageRole, DateProblem, MarkResult } from '../../app/coverage.ts';
import type { Region } from '../../domain/regions.ts';
import { ROLE_LABELS, ROLES, type Role } from '../../domain/roles.ts';
import { COMMAND } from '../ids.ts';
import { escapeMrkdwn, mentionUser } from '../mrkdwn.ts';

/** Each role's backup region in one region (roles without a backup left out). */
export type RoleBackups = Readonly<Partial<Record<Role, Region>>>;

export function coverageRoleLabel(role: CoverageRole): string {
  return role === '*' ? 'every role' : ROLE_LABELS[role];
}

/** "Wed 25 Nov 2026" for a valid YYYY-MM-DD, the text itself otherwise. */
export function dateLabel(date: string): string {
  const parsed = DateTime.fromFormat(date, 'yyyy-MM-dd', { zone: 'utc', locale: 'en-GB' });
  return parsed.isValid ? parsed.toFormat('ccc d LLL yyyy') : date;
}

interface MarkTarget {
  region: Region;
  date: string;
  role: CoverageRole;
}

function what({ region, date, role }: MarkTarget): string {
  const roles = role === '*' ? 'every role' : ROLE_LABELS[role];
  return `${region} on ${dateLabel(date)} (${roles})`;
}

/** Who covers the marked role(s): "Billing APAC covers", or that nobody is configured to. */
export function coveredBy(role: CoverageRole, region: Region, backups: RoleBackups): string {
  const roles: readonly Role[] = role === '*' ? ROLES : [role];
  const covered = roles.flatMap((candidate) => {
    const backup = backups[candidate];
    return backup ? [`${ROLE_LABELS[candidate]} ${backup}`] : [];
  });
  if (covered.length === 0) {
    return `No backup region is configured for ${role === '*' ? 'any role' : ROLE_LABELS[role]} in ${region}, so nobody else covers (set \`backup:\` in the desk config).`;
  }
  const uncovered = roles.length - covered.length;
  const rest =
    uncovered > 0 ? ` ${uncovered} other role${uncovered === 1 ? ' has' : 's have'} no backup.` : '';
  return `Covering: ${covered.join(', ')} — they are mentioned on ${region}'s steps and may act on them that day.${rest}`;
}

export const NOT_DESK_ADMIN = 'Only desk admins can mark or clear short-staffed dates. Ask one of them.';

function dateProblemText(problem: DateProblem, target: MarkTarget): string {
  switch (problem.reason) {
    case 'not_a_date':
      return `\`${escapeMrkdwn(target.date)}\` is not a real date. Write it as YYYY-MM-DD, for example 2026-12-24.`;
    case 'in_the_past':
      return `${dateLabel(target.date)} is in the past in ${target.region} (today there is ${problem.today}). Mark today or a later date.`;
    case 'too_far_ahead':
      return `${dateLabel(target.date)} is more than a year ahead. Mark dates up to ${problem.latest}.`;
  }
}

export function markAnswer(result: MarkResult, target: MarkTarget, backups: RoleBackups): string {
  if (result.ok) {
    const reason = result.mark.reason ? ` — ${escapeMrkdwn(result.mark.reason)}` : '';
    return `:white_check_mark: Marked ${what(target)} short-staffed${reason}.\n${coveredBy(target.role, target.region, backups)}`;
  }
  switch (result.reason) {
    case 'not_desk_admin':
      return NOT_DESK_ADMIN;
    case 'already_marked': {
      const by = `${mentionUser(result.mark.markedBy)}`;
      return `${what(result.mark)} is already marked short-staffed (by ${by}). Nothing changed.`;
    }
    default:
      return dateProblemText(result, target);
  }
}

export function clearAnswer(result: ClearResult, target: MarkTarget): string {
  if (result.ok) return `:white_check_mark: Cleared: ${what(target)} is no longer marked short-staffed.`;
  switch (result.reason) {
    case 'not_desk_admin':
      return NOT_DESK_ADMIN;
    case 'not_marked':
      return `${what(target)} is not marked short-staffed, so there is nothing to clear. \`${COMMAND} coverage\` lists the marked dates.`;
    default:
      return dateProblemText(result, target);
  }
}
