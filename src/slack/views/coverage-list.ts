// `/book coverage`: each region's backups per role and the dates marked short-staffed from today on,
// shown only to the person who asked.

import type { ShortStaffedMark } from '../../app/coverage.ts';
import { REGIONS, type Region } from '../../domain/regions.ts';
import { ROLE_LABELS, ROLES } from '../../domain/roles.ts';
import { COMMAND } from '../ids.ts';
import { escapeMrkdwn, mentionUser, truncate } from '../mrkdwn.ts';
import { coverageRoleLabel, dateLabel, type RoleBackups } from './coverage-answers.ts';
import { type Block, context, section } from './elements.ts';
import { boundedLines } from './step-text.ts';

export interface CoverageListInput {
  backups: Readonly<Record<Region, RoleBackups>>;
  /** Marks from each region's today on, by date. */
  marks: readonly ShortStaffedMark[];
}

function backupLine(region: Region, backups: RoleBackups): string {
  const named = ROLES.flatMap((role) => {
    const backup = backups[role];
    return backup ? [`${ROLE_LABELS[role]} ← ${backup}`] : [];
  });
  return `*${region}* · ${named.length > 0 ? named.join(' · ') : '_no backups_'}`;
}

function markLine(mark: ShortStaffedMark): string {
  const reason = mark.reason ? ` · ${escapeMrkdwn(truncate(mark.reason, 200))}` : '';
  return `• ${dateLabel(mark.date)} · *${mark.region}* · ${coverageRoleLabel(mark.role)}${reason} · marked by ${mentionUser(mark.markedBy)}`;
}

export function coverageList({ backups, marks }: CoverageListInput): { text: string; blocks: Block[] } {
  const blocks: Block[] = [
    section(
      [
        '*Backups* — the same role in the named region covers during period-end windows and on dates marked short-staffed:',
        ...REGIONS.map((region) => backupLine(region, backups[region])),
      ].join('\n'),
    ),
    section(
      marks.length > 0
        ? `*Marked short-staffed*\n${boundedLines(marks.map(markLine), 2800)}`
        : '*Marked short-staffed*\n_No dates from today on._',
    ),
    context(
      `Desk admins: \`${COMMAND} coverage EMEA 2026-12-24 billing Two out sick\` marks a date (leave out the role for every role); \`${COMMAND} coverage clear EMEA 2026-12-24 billing\` clears it.`,
    ),
  ];
  const text =
    marks.length > 0
      ? `Coverage: ${marks.length} date${marks.length === 1 ? '' : 's'} marked short-staffed from today on`
      : 'Coverage: no dates marked short-staffed from today on';
  return { text, blocks };
}
