// A request's SLA clocks as people read them at one instant: due times, what is left or overdue,
// how far the escalation went, and the open escalation case. Plain values for the Block Kit builders.

import type { DeskConfig } from '../config/desk-config.ts';
import { deskCalendars } from '../config/desk-config.ts';
import { loadClocks } from '../db/sla-clocks.ts';
import type { DbOrTx } from '../db/types.ts';
import type { Playbook } from '../domain/playbook/schema.ts';
import type { Region } from '../domain/regions.ts';
import { alertStep, isBreachedAt, remainingAt, type SlaClock, type SlaKind } from '../domain/sla/index.ts';
import { findOpenCase, type OpenEscalationCase } from './escalation-cases.ts';

export interface ClockReading {
  key: string;
  kind: SlaKind;
  /** "Approval", "Response", or the step's title. */
  label: string;
  status: SlaClock['status'];
  targetMinutes: number;
  dueAt: Date | null;
  /** Business minutes left; negative when overdue. */
  remainingMinutes: number;
  breached: boolean;
  breachedAt: Date | null;
  outcome: SlaClock['outcome'];
  stoppedAt: Date | null;
  /** The last alert sent: "reminder 75 %" or escalation level n. */
  lastAlert: { type: 'reminder'; percent: number } | { type: 'escalation'; level: number } | null;
}

export interface SlaSnapshot {
  /** The region's IANA zone: the card shows due times in the region's own time. */
  timeZone: string;
  at: Date;
  clocks: ClockReading[];
  openCase: OpenEscalationCase | null;
}

export function readClock(
  clock: SlaClock,
  calendar: Parameters<typeof remainingAt>[0],
  at: Date,
  playbook: Playbook | null,
): ClockReading {
  const last =
    clock.alertsFired > 0 ? alertStep(clock.policy, clock.targetMinutes, clock.alertsFired - 1) : null;
  const stepTitle = clock.stepId
    ? playbook?.steps.find((step) => step.id === clock.stepId)?.title
    : undefined;
  return {
    key: clock.key,
    kind: clock.kind,
    label:
      clock.kind === 'approval' ? 'Approval' : clock.kind === 'response' ? 'Response' : (stepTitle ?? 'Step'),
    status: clock.status,
    targetMinutes: clock.targetMinutes,
    dueAt: clock.dueAt,
    remainingMinutes: remainingAt(calendar, clock, at),
    breached: isBreachedAt(clock, at),
    breachedAt: clock.breachedAt,
    outcome: clock.outcome,
    stoppedAt: clock.stoppedAt,
    lastAlert:
      last === null
        ? null
        : last.type === 'reminder'
          ? { type: 'reminder', percent: last.percent }
          : { type: 'escalation', level: last.level },
  };
}

export async function loadSlaSnapshot(
  db: DbOrTx,
  config: DeskConfig,
  request: { id: string; region: Region },
  playbook: Playbook | null,
  at: Date,
): Promise<SlaSnapshot> {
  const calendar = deskCalendars(config)[request.region];
  const [clocks, openCase] = await Promise.all([loadClocks(db, request.id), findOpenCase(db, request.id)]);
  return {
    timeZone: calendar.config.timeZone,
    at,
    clocks: clocks.map((stored) => readClock(stored.clock, calendar, at, playbook)),
    openCase,
  };
}
