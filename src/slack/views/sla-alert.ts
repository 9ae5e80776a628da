// The thread message of an SLA nudge or escalation: what is due or overdue, and who must act.

import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { businessDuration, zonedTime } from './sla-format.ts';

export interface SlaAlertView {
  reference: string;
  /** "approval SLA", "response SLA", "SLA of step 7 · Acknowledge billing and provisioning". */
  clockName: string;
  alert: { type: 'reminder'; percent: number } | { type: 'escalation'; level: number; repeat: number };
  dueAt: Date | null;
  timeZone: string;
  /** Business minutes left (negative: overdue). */
  remainingMinutes: number;
  mentions: readonly string[];
}

export function slaAlertText(view: SlaAlertView): string {
  const who = view.mentions.join(' ');
  const name = escapeMrkdwn(truncate(view.clockName, 150));
  const due = view.dueAt ? zonedTime(view.dueAt, view.timeZone) : 'the next opening';
  if (view.alert.type === 'reminder') {
    return (
      `:alarm_clock: ${who} ${view.reference} has used ${view.alert.percent} % of its ${name}: ` +
      `due ${due}, ${businessDuration(view.remainingMinutes)} of business time left.`
    );
  }
  const over = view.remainingMinutes < 0 ? `, ${businessDuration(view.remainingMinutes)} overdue` : '';
  const level =
    view.alert.repeat > 0
      ? `level ${view.alert.level}, reminder ${view.alert.repeat}`
      : `level ${view.alert.level}`;
  return (
    `:rotating_light: *Escalation ${level}* · ${view.reference} breached its ${name} ` +
    `(due ${due}${over}). ${who} please act on it now.`
  );
}
