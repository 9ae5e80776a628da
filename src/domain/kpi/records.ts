// What the KPIs are computed from: plain records of requests, as the application loads them from the
// request rows, their SLA clocks, their escalation cases and the workflow events of their audit log.

import type { Playbook } from '../playbook/schema.ts';
import type { Region } from '../regions.ts';
import type { Role } from '../roles.ts';
import type { SlaKind, SlaOutcome, SlaStatus } from '../sla/clock.ts';
import type { RequestStatus } from '../status.ts';
import type { WorkflowEvent } from '../workflow/events.ts';

/** The workflow events the KPIs read (from the `events` of a request's `workflow.*` audit rows). */
export type KpiEvent =
  | { type: 'step_activated'; stepId: string; at: Date }
  | { type: 'step_rejected'; stepId: string; category: string | null; at: Date }
  | { type: 'deviation_recorded'; stepId: string; field: string; at: Date }
  | { type: 'escalated'; stepId: string; category: string; at: Date };

export interface KpiClock {
  kind: SlaKind;
  /** The step of a step clock; null for approval and response clocks. */
  stepId: string | null;
  targetMinutes: number;
  status: SlaStatus;
  outcome: SlaOutcome | null;
  /** Business minutes used as of the report's now (a running clock's current run included). */
  usedMinutes: number;
  breachedAt: Date | null;
}

export interface KpiRequest {
  id: string;
  region: Region;
  status: RequestStatus;
  submittedAt: Date;
  /** When the booked milestone was reached; null when never booked. */
  bookedAt: Date | null;
  /** The playbook version the request runs on (step roles, titles and category labels). */
  playbook: Playbook;
  /** Its workflow events, oldest first. */
  events: readonly KpiEvent[];
  clocks: readonly KpiClock[];
  /** The requester's escalation cases (categories of src/domain/sla/escalation-case.ts). */
  escalationCases: readonly { category: string }[];
}

export interface KpiTargets {
  /** Percent of orders reaching billing that billing does not reject. */
  approvalAccuracy: number;
  /** Percent of SLAs met (approval, response and step SLAs alike). */
  slaAttainment: number;
}

export interface KpiInput {
  /** The period of each region reported on ([start, end)); requests of other regions are ignored. */
  periods: Partial<Record<Region, { start: Date; end: Date }>>;
  /** Only steps of this role count in the rejection, deviation and step-escalation breakdowns and step SLAs. */
  role: Role | null;
  requests: readonly KpiRequest[];
  targets: KpiTargets;
}

/** The events of one workflow change, as the KPIs read them (others are left out). */
export function kpiEventsOf(events: readonly WorkflowEvent[]): KpiEvent[] {
  return events.flatMap((event): KpiEvent[] => {
    const at = new Date(event.at);
    switch (event.type) {
      case 'step_activated':
        return [{ type: event.type, stepId: event.stepId, at }];
      case 'step_rejected':
        return [{ type: event.type, stepId: event.stepId, category: event.category, at }];
      case 'deviation_recorded':
        return [{ type: event.type, stepId: event.stepId, field: event.deviation.field, at }];
      case 'escalated':
        return [{ type: event.type, stepId: event.stepId, category: event.category, at }];
      default:
        return [];
    }
  });
}
