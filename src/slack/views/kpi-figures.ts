// One line per KPI figure, in mrkdwn: the figure, its target where the desk config sets one, and a
// ✅ (target met) or ⚠️ (missed); "no data yet" when there is nothing to divide by.

import type { KpiReport } from '../../app/kpis.ts';
import type {
  ApprovalAccuracy,
  ApprovalTime,
  KpiCounts,
  ReasonCount,
  SlaFigure,
  StepReasonCount,
} from '../../domain/kpi/index.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';

export const MET = ':white_check_mark:';
export const MISSED = ':warning:';
export const NO_DATA = 'no data yet';

/** "87.5 %": one decimal, dropped when whole ("95 %"). */
export function formatPercent(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)} %`;
}

/** "12.5 h" (business hours, one decimal). */
export function formatHours(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)} h`;
}

function mark(meetsTarget: boolean | null): string {
  return meetsTarget === null ? ':heavy_minus_sign:' : meetsTarget ? MET : MISSED;
}

export function countsLine(counts: KpiCounts): string {
  return [
    `*${counts.submitted}* submitted`,
    `*${counts.booked}* booked`,
    `*${counts.completed}* completed`,
    `*${counts.open}* open`,
    `*${counts.rejected}* rejected`,
    `*${counts.withdrawn}* withdrawn`,
    `*${counts.cancelled}* cancelled`,
  ].join(' · ');
}

export function accuracyLine(accuracy: ApprovalAccuracy): string {
  const target = `target ≥ ${formatPercent(accuracy.target)}`;
  if (accuracy.percent === null) {
    return `${mark(null)} *Approval accuracy:* ${NO_DATA} — no order has reached billing (${target})`;
  }
  const orders = accuracy.reachedBilling === 1 ? 'order' : 'orders';
  return (
    `${mark(accuracy.meetsTarget)} *Approval accuracy:* ${formatPercent(accuracy.percent)} (${target}) — ` +
    `${accuracy.rejectedByBilling} of ${accuracy.reachedBilling} ${orders} reaching billing rejected`
  );
}

export function approvalTimeLine(time: ApprovalTime): string {
  if (time.medianHours === null || time.p90Hours === null) {
    return `:stopwatch: *Approval time:* ${NO_DATA} — nothing booked in the period`;
  }
  const bookings = time.count === 1 ? 'booking' : 'bookings';
  return (
    `:stopwatch: *Approval time:* median ${formatHours(time.medianHours)} · p90 ${formatHours(time.p90Hours)} ` +
    `(business hours, ${time.count} ${bookings})`
  );
}

export function slaLine(name: string, figure: SlaFigure): string {
  const live = [
    figure.atRisk > 0 ? `${figure.atRisk} at risk` : '',
    figure.breachedRunning > 0 ? `${figure.breachedRunning} running over` : '',
  ].filter(Boolean);
  const liveText = live.length > 0 ? ` · now ${live.join(', ')}` : '';
  const target = `target ≥ ${formatPercent(figure.target)}`;
  if (figure.percent === null) return `${mark(null)} *${name}:* ${NO_DATA} (${target})${liveText}`;
  return (
    `${mark(figure.meetsTarget)} *${name}:* ${formatPercent(figure.percent)} met (${target}) — ` +
    `${figure.met} of ${figure.decided}${liveText}`
  );
}

/** The latest surveyed quarter's satisfaction (share of 4s and 5s), shown with the KPIs. */
export interface SatisfactionLine {
  /** The quarter asked about, e.g. "Q3 FY2026". */
  quarterLabel: string;
  answers: number;
  satisfied: number;
  percent: number | null;
  target: number;
  meetsTarget: boolean | null;
}

export function satisfactionLine(figure: SatisfactionLine): string {
  const target = `target ≥ ${formatPercent(figure.target)}`;
  const quarter = `survey of ${figure.quarterLabel}`;
  if (figure.percent === null) return `${mark(null)} *Satisfaction:* ${NO_DATA} (${target}; ${quarter})`;
  return (
    `${mark(figure.meetsTarget)} *Satisfaction:* ${formatPercent(figure.percent)} rated 4 or 5 (${target}) — ` +
    `${figure.satisfied} of ${figure.answers} answers, ${quarter}`
  );
}

/** "• Trigger billing — Purchase order missing: 2", the first `limit` of them, and how many more. */
export function stepReasonLines(items: readonly StepReasonCount[], limit: number): string[] {
  const lines = items
    .slice(0, limit)
    .map(
      (item) =>
        `• ${escapeMrkdwn(truncate(item.stepTitle, 60))} — ${escapeMrkdwn(truncate(item.label, 80))}: *${item.count}*`,
    );
  if (items.length > limit) lines.push(`_…and ${items.length - limit} more_`);
  return lines;
}

export function reasonLines(items: readonly ReasonCount[], limit: number): string[] {
  const lines = items
    .slice(0, limit)
    .map((item) => `• ${escapeMrkdwn(truncate(item.label, 80))}: *${item.count}*`);
  if (items.length > limit) lines.push(`_…and ${items.length - limit} more_`);
  return lines;
}

/** "Q4 FY2026 · EMEA · Billing": what the report covers. */
export function reportTitle(report: KpiReport, roleLabel: string | null): string {
  return [report.label, report.query.region ?? 'all regions', roleLabel].filter(Boolean).join(' · ');
}
