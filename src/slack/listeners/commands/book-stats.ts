// `/book stats [month|quarter|last-month|last-quarter] [region] [role]`: the desk KPIs of a period,
// answered only to the person who asked. Arguments in any order and case; the default is the current
// quarter of every region. Desk admins and role holders may ask; others are told politely.

import { type KpiQuery, type KpiReport, loadDeskKpis } from '../../../app/kpis.ts';
import { latestSurveyedQuarter, satisfactionByRegion } from '../../../app/survey.ts';
import { isRegion, REGIONS } from '../../../domain/regions.ts';
import { ROLES, type Role } from '../../../domain/roles.ts';
import { quarterLabel } from '../../../domain/survey/quarter.ts';
import type { SlackDeps } from '../../deps.ts';
import { COMMAND } from '../../ids.ts';
import { escapeMrkdwn, truncate } from '../../mrkdwn.ts';
import { kpiStatsMessage, type SatisfactionLine } from '../../views/kpi-report.ts';
import { asBlocks } from '../../web-api-types.ts';

export type StatsCommand = { ok: true; query: KpiQuery } | { ok: false; message: string };

const PERIODS: ReadonlyMap<string, Pick<KpiQuery, 'kind' | 'which'>> = new Map([
  ['month', { kind: 'month', which: 'current' }],
  ['quarter', { kind: 'quarter', which: 'current' }],
  ['last-month', { kind: 'month', which: 'previous' }],
  ['last-quarter', { kind: 'quarter', which: 'previous' }],
]);

/** A role as one word: its id, with hyphens, run together, or the usual short names. */
const ROLE_WORDS: ReadonlyMap<string, Role> = new Map(
  ROLES.flatMap((role) =>
    [role, role.replaceAll('_', '-'), role.replaceAll('_', '')].map((name) => [name, role] as const),
  ).concat([
    ['revops', 'revenue_operations'],
    ['custops', 'customer_operations'],
  ]),
);

export const STATS_USAGE =
  `\`${COMMAND} stats [month|quarter|last-month|last-quarter] [region] [role]\` — for example ` +
  `\`${COMMAND} stats\` (this quarter, every region) or \`${COMMAND} stats last-month EMEA\`. ` +
  `Regions: ${REGIONS.join(', ')}. Roles: ${ROLES.join(', ')}.`;

export const NOT_ALLOWED =
  'Sorry — the desk KPIs are for desk admins and the people who work the desk. ' +
  'Ask your desk lead if you need the figures.';

function shown(word: string): string {
  return `\`${escapeMrkdwn(truncate(word, 40)).replaceAll('`', "'")}\``;
}

export function parseStatsArgs(args: readonly string[]): StatsCommand {
  const query: KpiQuery = { kind: 'quarter', which: 'current', region: null, role: null };
  const seen = new Set<'period' | 'region' | 'role'>();
  const twice = (what: string) => ({
    ok: false as const,
    message: `Name one ${what} at most.\n${STATS_USAGE}`,
  });
  for (const word of args) {
    const lower = word.toLowerCase();
    const period = PERIODS.get(lower);
    const upper = word.toUpperCase();
    const role = ROLE_WORDS.get(lower);
    if (period) {
      if (seen.has('period')) return twice('period');
      seen.add('period');
      Object.assign(query, period);
    } else if (isRegion(upper)) {
      if (seen.has('region')) return twice('region');
      seen.add('region');
      query.region = upper;
    } else if (role) {
      if (seen.has('role')) return twice('role');
      seen.add('role');
      query.role = role;
    } else {
      return { ok: false, message: `I did not understand ${shown(word)}.\n${STATS_USAGE}` };
    }
  }
  return { ok: true, query };
}

/** Desk admins, and anyone holding a role of the desk in some region. */
async function mayAsk(deps: SlackDeps, userId: string): Promise<boolean> {
  if ((await deps.roles.actorFor(userId, 'EMEA')).isDeskAdmin) return true;
  for (const region of REGIONS) {
    if ((await deps.roles.actorFor(userId, region)).roles.length > 0) return true;
  }
  return false;
}

/**
 * The latest surveyed quarter's satisfaction, of the region asked about or of every region (in the
 * calendar of the region asked about, else EMEA's).
 */
export async function latestSatisfaction(deps: SlackDeps, report: KpiReport): Promise<SatisfactionLine> {
  const region = report.query.region;
  const quarter = latestSurveyedQuarter(deps.services.calendars[region ?? 'EMEA'], report.now);
  const figures = await satisfactionByRegion(deps.services.db, quarter, deps.config.kpis.satisfactionTarget);
  const figure = region ? figures.regions[region] : figures.overall;
  return { ...figure, quarterLabel: quarterLabel(quarter), target: figures.target };
}

export async function statsAnswer(deps: SlackDeps, userId: string, args: readonly string[]) {
  const parsed = parseStatsArgs(args);
  if (!parsed.ok) return { response_type: 'ephemeral' as const, text: parsed.message };
  if (!(await mayAsk(deps, userId))) return { response_type: 'ephemeral' as const, text: NOT_ALLOWED };
  let report: KpiReport;
  let satisfaction: SatisfactionLine;
  try {
    report = await loadDeskKpis(deps.services, deps.config, parsed.query);
    satisfaction = await latestSatisfaction(deps, report);
  } catch (error) {
    deps.logger.warn('could not compute the desk KPIs', { error });
    return {
      response_type: 'ephemeral' as const,
      text: 'I could not read the desk figures just now (the database did not answer). Please try again shortly.',
    };
  }
  const message = kpiStatsMessage(report, satisfaction);
  return { response_type: 'ephemeral' as const, text: message.text, blocks: asBlocks(message.blocks) };
}
