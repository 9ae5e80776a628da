// `/book coverage` lists each region's backups and the dates marked short-staffed;
// `/book coverage <REGION> <YYYY-MM-DD> [role] [reason…]` marks a date (every role when the role is
// left out) and `/book coverage clear <REGION> <YYYY-MM-DD> [role]` clears it: desk admins only.
// Answers go to the person who typed it.

import {
  type CoverageRole,
  clearShortStaffed,
  markShortStaffed,
  upcomingShortStaffed,
} from '../../../app/coverage.ts';
import type { MarkKey } from '../../../db/coverage.ts';
import { isRegion, REGIONS, type Region } from '../../../domain/regions.ts';
import { ROLE_LABELS, ROLES, type Role } from '../../../domain/roles.ts';
import type { SlackDeps } from '../../deps.ts';
import { COMMAND } from '../../ids.ts';
import { escapeMrkdwn, truncate } from '../../mrkdwn.ts';
import { clearAnswer, markAnswer, NOT_DESK_ADMIN, type RoleBackups } from '../../views/coverage-answers.ts';
import { coverageList } from '../../views/coverage-list.ts';
import { asBlocks } from '../../web-api-types.ts';

export const MAX_REASON_LENGTH = 300;

export type CoverageCommand =
  | { kind: 'list' }
  | ({ kind: 'mark'; reason: string } & MarkKey)
  | ({ kind: 'clear' } & MarkKey)
  | { kind: 'invalid'; message: string };

const USAGE = [
  `\`${COMMAND} coverage\` lists the backups and the marked dates.`,
  `\`${COMMAND} coverage EMEA 2026-12-24 [role] [reason]\` marks a date short-staffed (no role: every role).`,
  `\`${COMMAND} coverage clear EMEA 2026-12-24 [role]\` clears it.`,
  `Roles: ${ROLES.join(', ')}.`,
].join('\n');

/** Every way a role may be written, lower case: its id, with hyphens, run together, its label. */
const ROLE_NAMES: ReadonlyMap<string, Role> = new Map(
  ROLES.flatMap((role) =>
    [role, role.replaceAll('_', '-'), role.replaceAll('_', ''), ROLE_LABELS[role].toLowerCase()].map(
      (name) => [name, role] as const,
    ),
  ).concat([
    ['revops', 'revenue_operations'],
    ['custops', 'customer_operations'],
  ]),
);

const ISO_DATE_FORM = /^\d{4}-\d{2}-\d{2}$/;

function shown(word: string): string {
  return `\`${escapeMrkdwn(truncate(word, 40)).replaceAll('`', "'")}\``;
}

/** Levenshtein distance, for "did you mean billing?". */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

type RoleMatch = { role: CoverageRole; used: number } | { problem: string } | null;

/** The role written at the start of `words` (one word, or a two-word label); null when none is. */
function matchRole(words: readonly string[]): RoleMatch {
  const [first, second] = words;
  if (first === undefined) return null;
  if (first === '*') return { role: '*', used: 1 };
  if (second !== undefined) {
    const label = ROLE_NAMES.get(`${first} ${second}`.toLowerCase());
    if (label) return { role: label, used: 2 };
  }
  const role = ROLE_NAMES.get(first.toLowerCase());
  if (role) return { role, used: 1 };
  const word = first.toLowerCase();
  const near = [...ROLE_NAMES].find(
    ([name]) => word.length >= 4 && distance(word, name) <= (name.length > 7 ? 2 : 1),
  );
  if (near || word.includes('_')) {
    const hint = near ? ` Did you mean \`${near[1]}\`?` : '';
    return {
      problem: `${shown(first)} is not a role.${hint} Roles: ${ROLES.join(', ')}. To give a reason for every role, leave the role out (or write \`*\`).`,
    };
  }
  return null;
}

/** What the words after `/book coverage` ask for. */
export function parseCoverageArgs(words: readonly string[]): CoverageCommand {
  if (words.length === 0 || (words.length === 1 && words[0]!.toLowerCase() === 'list'))
    return { kind: 'list' };
  const clearing = words[0]!.toLowerCase() === 'clear';
  const [regionWord, dateWord, ...rest] = clearing ? words.slice(1) : words;
  if (regionWord === undefined) return { kind: 'invalid', message: `Say which region and date.\n${USAGE}` };
  const region = regionWord.toUpperCase();
  if (!isRegion(region)) {
    return {
      kind: 'invalid',
      message: `${shown(regionWord)} is not a region: use ${REGIONS.join(', ')}.\n${USAGE}`,
    };
  }
  if (dateWord === undefined) {
    return { kind: 'invalid', message: `Say which date in ${region}, as YYYY-MM-DD.\n${USAGE}` };
  }
  if (!ISO_DATE_FORM.test(dateWord)) {
    return {
      kind: 'invalid',
      message: `${shown(dateWord)} is not a date: write it as YYYY-MM-DD, for example 2026-12-24.`,
    };
  }
  const matched = matchRole(rest);
  if (matched && 'problem' in matched) return { kind: 'invalid', message: matched.problem };
  const role = matched?.role ?? '*';
  const after = rest.slice(matched?.used ?? 0);
  if (clearing) {
    const [extra] = after;
    if (extra !== undefined) {
      const notRole = matched ? '' : `${shown(extra)} is not a role. `;
      return {
        kind: 'invalid',
        message: `${notRole}Clearing takes a region, a date and optionally a role.\n${USAGE}`,
      };
    }
    return { kind: 'clear', region, date: dateWord, role };
  }
  const reason = slackText(after.join(' '))
    .replace(/^["“'](.*)["”']$/s, '$1')
    .trim();
  if (reason.length > MAX_REASON_LENGTH) {
    return {
      kind: 'invalid',
      message: `The reason is ${reason.length} characters long; keep it to ${MAX_REASON_LENGTH}.`,
    };
  }
  return { kind: 'mark', region, date: dateWord, role, reason };
}

/** Slack sends command text with &, < and > as entities; we store the text and escape it when shown. */
function slackText(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

function backupsOf(deps: SlackDeps, region: Region): RoleBackups {
  const roles = deps.config.regions[region].roles;
  return Object.fromEntries(
    ROLES.flatMap((role) => (roles[role].backup ? [[role, roles[role].backup]] : [])),
  );
}

type Answer = { response_type: 'ephemeral'; text: string; blocks?: ReturnType<typeof asBlocks> };

export async function coverageAnswer(
  deps: SlackDeps,
  userId: string,
  words: readonly string[],
): Promise<Answer> {
  const parsed = parseCoverageArgs(words);
  if (parsed.kind === 'list') {
    const marks = await upcomingShortStaffed(deps.services);
    const backups = Object.fromEntries(REGIONS.map((region) => [region, backupsOf(deps, region)])) as Record<
      Region,
      RoleBackups
    >;
    const message = coverageList({ backups, marks });
    return { response_type: 'ephemeral', text: message.text, blocks: asBlocks(message.blocks) };
  }
  // Any other use of the command is a desk admin's; say so before coaching anyone on its syntax.
  const actor = await deps.roles.actorFor(userId, parsed.kind === 'invalid' ? 'EMEA' : parsed.region);
  if (parsed.kind === 'invalid') {
    return { response_type: 'ephemeral', text: actor.isDeskAdmin ? parsed.message : NOT_DESK_ADMIN };
  }
  const key = { region: parsed.region, date: parsed.date, role: parsed.role };
  const admin = { userId, isDeskAdmin: actor.isDeskAdmin };
  const backups = backupsOf(deps, parsed.region);
  const rolesWithBackup = ROLES.filter((role) => backups[role] !== undefined);
  if (parsed.kind === 'mark') {
    const result = await markShortStaffed(deps.services, {
      ...key,
      reason: parsed.reason,
      actor: admin,
      rolesWithBackup,
    });
    return { response_type: 'ephemeral', text: markAnswer(result, key, backups) };
  }
  const result = await clearShortStaffed(deps.services, { ...key, actor: admin, rolesWithBackup });
  return { response_type: 'ephemeral', text: clearAnswer(result, key) };
}
