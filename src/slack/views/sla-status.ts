// The SLA lines of the status card and of `/book status`: due, left, paused, breached, escalated,
// met; and the requester's open escalation case.

import type { ClockReading, SlaSnapshot } from '../../app/sla-snapshot.ts';
import { escalationCategoryLabel } from '../../domain/sla/escalation-case.ts';
import { escapeMrkdwn, mentionUser, truncate } from '../mrkdwn.ts';
import { type Block, section } from './elements.ts';
import { businessDuration, zonedTime } from './sla-format.ts';

export function clockLine(reading: ClockReading, timeZone: string): string {
  const name = `*${escapeMrkdwn(truncate(reading.label, 80))} SLA* (${businessDuration(reading.targetMinutes)})`;
  const due = reading.dueAt ? zonedTime(reading.dueAt, timeZone) : null;
  if (reading.status === 'stopped') {
    if (reading.outcome === 'breached') {
      return `:x: ${name}: missed${due ? `, was due ${due}` : ''}`;
    }
    return `:white_check_mark: ${name}: met`;
  }
  const escalation =
    reading.lastAlert?.type === 'escalation' ? ` · escalated to level ${reading.lastAlert.level}` : '';
  if (reading.status === 'paused') {
    const left =
      reading.remainingMinutes > 0 ? `${businessDuration(reading.remainingMinutes)} left` : 'overdue';
    return `:double_vertical_bar: ${name}: paused while waiting on the requester · ${left}${escalation}`;
  }
  if (reading.breached) {
    const over = reading.remainingMinutes < 0 ? ` · ${businessDuration(reading.remainingMinutes)} over` : '';
    return `:fire: ${name}: *breached*${due ? `, was due ${due}` : ''}${over}${escalation}`;
  }
  const reminder =
    reading.lastAlert?.type === 'reminder' ? ` · ${reading.lastAlert.percent} % reminder sent` : '';
  return `:stopwatch: ${name}: due ${due ?? 'at the next opening'} · ${businessDuration(reading.remainingMinutes)} left${reminder}`;
}

export function openCaseLine(snapshot: SlaSnapshot): string | null {
  const open = snapshot.openCase;
  if (!open) return null;
  const reason = escapeMrkdwn(truncate(open.reason.replace(/\s+/g, ' '), 200));
  return (
    `:sos: *Escalated by ${mentionUser(open.openedBy)}* (${escalationCategoryLabel(open.category)}) ` +
    `${zonedTime(open.openedAt, snapshot.timeZone)}: _${reason}_`
  );
}

/** Clocks that still matter: running and paused ones, and the approval outcome. */
function shown(reading: ClockReading): boolean {
  return reading.status !== 'stopped' || reading.kind === 'approval';
}

export function slaLines(snapshot: SlaSnapshot): string[] {
  const lines = snapshot.clocks.filter(shown).map((reading) => clockLine(reading, snapshot.timeZone));
  const open = openCaseLine(snapshot);
  return open ? [...lines, open] : lines;
}

export function slaBlocks(snapshot: SlaSnapshot | null): Block[] {
  if (!snapshot) return [];
  const lines = slaLines(snapshot);
  return lines.length === 0 ? [] : [section(truncate(lines.join('\n'), 3000))];
}
