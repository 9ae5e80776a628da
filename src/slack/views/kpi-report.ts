// The desk KPIs as Block Kit: the `/book stats` answer and the section the lead's Home shows (the
// current quarter). Pure functions of the report; every figure against its target where one exists.

import { DateTime } from 'luxon';
import type { KpiReport } from '../../app/kpis.ts';
import { ROLE_LABELS } from '../../domain/roles.ts';
import { type Block, context, divider, header, section } from './elements.ts';
import { slackDate } from './formatting.ts';
import {
  accuracyLine,
  approvalTimeLine,
  countsLine,
  reasonLines,
  reportTitle,
  type SatisfactionLine,
  satisfactionLine,
  slaLine,
  stepReasonLines,
} from './kpi-figures.ts';

/** The Home section stays small: the Home has 100 blocks for everything. */
export const MAX_KPI_HOME_BLOCKS = 25;

export type { SatisfactionLine } from './kpi-figures.ts';

const REASONS_IN_ANSWER = 6;
const REASONS_ON_HOME = 3;

function roleLabel(report: KpiReport): string | null {
  return report.query.role ? ROLE_LABELS[report.query.role] : null;
}

/** "1 Oct – 31 Dec 2026" of the first region's period (all regions share it unless configured apart). */
function periodDates(report: KpiReport): string {
  const first = Object.values(report.periods)[0];
  if (!first) return '';
  const day = (date: string) =>
    DateTime.fromISO(date, { zone: 'utc' }).setLocale('en-GB').toFormat('d LLL yyyy');
  return `${day(first.firstDate)} – ${day(first.lastDate)}`;
}

function coverage(report: KpiReport): string {
  const dates = periodDates(report);
  return (
    `${dates ? `${dates} (each region's own calendar). ` : ''}Requests submitted in the period; ` +
    'approval time and approval SLA: requests booked in it.'
  );
}

function figureBlocks(report: KpiReport, reasons: number, satisfaction: SatisfactionLine | null): Block[] {
  const { kpis } = report;
  const role = roleLabel(report);
  const headline = [accuracyLine(kpis.approvalAccuracy), approvalTimeLine(kpis.approvalTime)];
  if (satisfaction) headline.push(satisfactionLine(satisfaction));
  const blocks: Block[] = [
    section(countsLine(kpis.counts)),
    section(headline.join('\n')),
    section(
      [
        slaLine('Approval SLA', kpis.sla.approval),
        slaLine('Response SLA', kpis.sla.response),
        slaLine(role ? `Step SLAs (${role})` : 'Step SLAs', kpis.sla.step),
      ].join('\n'),
    ),
  ];
  const rejections = stepReasonLines(kpis.rejections, reasons);
  const deviations = reasonLines(kpis.deviations, reasons);
  const requester = reasonLines(kpis.escalations.requester, reasons);
  const steps = stepReasonLines(kpis.escalations.steps, reasons);
  const scope = role ? ` (${role} steps)` : '';
  blocks.push(
    section(`*Rejection reasons${scope}*\n${rejections.length > 0 ? rejections.join('\n') : '_none_'}`),
    section(`*Deviations by field${scope}*\n${deviations.length > 0 ? deviations.join('\n') : '_none_'}`),
    section(
      [
        '*Escalations*',
        `Requesters: ${requester.length > 0 ? `\n${requester.join('\n')}` : '_none_'}`,
        `Steps${scope}: ${steps.length > 0 ? `\n${steps.join('\n')}` : '_none_'}`,
      ].join('\n'),
    ),
  );
  return blocks;
}

/** The plain-text fallback (notifications, screen readers). */
function summaryText(report: KpiReport): string {
  const { approvalAccuracy, sla } = report.kpis;
  const accuracy =
    approvalAccuracy.percent === null ? 'no data yet' : `${approvalAccuracy.percent.toFixed(1)} %`;
  const approval = sla.approval.percent === null ? 'no data yet' : `${sla.approval.percent.toFixed(1)} %`;
  return `Desk KPIs ${reportTitle(report, roleLabel(report))}: approval accuracy ${accuracy}, approval SLA ${approval}.`;
}

/** The ephemeral answer to `/book stats` (with the latest survey's satisfaction, when given). */
export function kpiStatsMessage(
  report: KpiReport,
  satisfaction: SatisfactionLine | null = null,
): { text: string; blocks: Block[] } {
  return {
    text: summaryText(report),
    blocks: [
      header(`Desk KPIs · ${reportTitle(report, roleLabel(report))}`),
      context(coverage(report)),
      ...figureBlocks(report, REASONS_IN_ANSWER, satisfaction),
      context(
        '`/book stats [month|quarter|last-month|last-quarter] [region] [role]` for another period, region or role.',
      ),
    ],
  };
}

/** When the Home's figures were read, and how often they are read again. */
export interface KpiFreshness {
  readAt: Date;
  everyMinutes: number;
}

/** The KPI section of the lead's Home: the current quarter, at most 25 blocks. */
export function kpiHomeBlocks(
  report: KpiReport,
  satisfaction: SatisfactionLine | null = null,
  freshness: KpiFreshness | null = null,
): Block[] {
  const asOf = freshness
    ? ` Figures as of ${slackDate(freshness.readAt)}, read again every ${freshness.everyMinutes} minutes.`
    : '';
  const blocks: Block[] = [
    divider(),
    header(`Desk KPIs · ${reportTitle(report, roleLabel(report))}`),
    context(`${coverage(report)}${asOf}`),
    ...figureBlocks(report, REASONS_ON_HOME, satisfaction),
  ];
  return blocks.slice(0, MAX_KPI_HOME_BLOCKS);
}
