// The desk's KPIs for a period (and optionally a region or a role), computed from plain records.
// Which requests each figure reads:
// - counts, approval accuracy, rejection / deviation / escalation breakdowns, response and step SLAs,
//   and the live "at risk" / "over" counts: the requests SUBMITTED in the period (a cohort).
// - approval time and approval SLA attainment: approvals that ENDED in the period, i.e. requests
//   BOOKED in the period (their approval clock stopped at booking), plus requests submitted in the
//   period whose approval SLA is already breached without a booking (a miss whatever happens next).
//   A request closed before booking within its budget had nothing to approve: it is not counted.
// - approval accuracy: of the requests whose billing step (the first billing-role step after the
//   `booked` milestone: `trigger_billing`) was activated at least once, the share billing never
//   rejected. An order rejected twice counts once; `rejections` counts every rejection there.

import type { Playbook, Step } from '../playbook/schema.ts';
import type { Role } from '../roles.ts';
import type { RequestStatus } from '../status.ts';
import {
  deviationsByField,
  type ReasonCount,
  rejectionReasons,
  requesterEscalations,
  type StepReasonCount,
  stepEscalations,
  stepMatches,
} from './breakdowns.ts';
import { inPeriod } from './period.ts';
import type { KpiInput, KpiRequest } from './records.ts';
import { isOver, type SlaEntry, type SlaFigure, slaFigure } from './sla-attainment.ts';
import { median, nearestRankPercentile, percent } from './stats.ts';

export interface KpiCounts {
  submitted: number;
  /** Reached the booked milestone (an order exists), whatever happened after: completed ones included. */
  booked: number;
  completed: number;
  rejected: number;
  withdrawn: number;
  cancelled: number;
  /** Still open: submitted, in review, changes requested or booked. */
  open: number;
}

export interface ApprovalAccuracy {
  /** Orders whose billing step was activated (the denominator). */
  reachedBilling: number;
  /** Of those, orders billing rejected at least once. */
  rejectedByBilling: number;
  /** Every rejection at the billing step (an order sent back twice counts twice). */
  rejections: number;
  /** (reached − rejected) ÷ reached in percent; null when no order reached billing. */
  percent: number | null;
  target: number;
  meetsTarget: boolean | null;
}

export interface ApprovalTime {
  /** Approvals (bookings) measured. */
  count: number;
  /** Business hours on the approval clock (pauses while waiting on the requester not counted). */
  medianHours: number | null;
  p90Hours: number | null;
}

export interface DeskKpis {
  role: Role | null;
  counts: KpiCounts;
  approvalAccuracy: ApprovalAccuracy;
  approvalTime: ApprovalTime;
  sla: { approval: SlaFigure; response: SlaFigure; step: SlaFigure };
  rejections: StepReasonCount[];
  deviations: ReasonCount[];
  escalations: { requester: ReasonCount[]; steps: StepReasonCount[] };
}

const OPEN_STATUSES: ReadonlySet<RequestStatus> = new Set([
  'submitted',
  'in_review',
  'changes_requested',
  'booked',
]);

/** The step whose rejection counts against approval accuracy: the first billing step after booking. */
export function billingStepOf(playbook: Playbook): Step | null {
  const booked = playbook.steps.findIndex((step) => step.milestone === 'booked');
  if (booked < 0) return null;
  return playbook.steps.slice(booked + 1).find((step) => step.role === 'billing') ?? null;
}

function countsOf(requests: readonly KpiRequest[]): KpiCounts {
  const count = (status: RequestStatus) => requests.filter((request) => request.status === status).length;
  return {
    submitted: requests.length,
    booked: requests.filter((request) => request.bookedAt !== null).length,
    completed: count('completed'),
    rejected: count('rejected'),
    withdrawn: count('withdrawn'),
    cancelled: count('cancelled'),
    open: requests.filter((request) => OPEN_STATUSES.has(request.status)).length,
  };
}

function accuracyOf(requests: readonly KpiRequest[], target: number): ApprovalAccuracy {
  let reachedBilling = 0;
  let rejectedByBilling = 0;
  let rejections = 0;
  for (const request of requests) {
    const billing = billingStepOf(request.playbook);
    if (!billing) continue;
    const atBilling = request.events.filter((event) => event.stepId === billing.id);
    if (!atBilling.some((event) => event.type === 'step_activated')) continue;
    reachedBilling++;
    const rejected = atBilling.filter((event) => event.type === 'step_rejected').length;
    rejections += rejected;
    if (rejected > 0) rejectedByBilling++;
  }
  const share = percent(reachedBilling - rejectedByBilling, reachedBilling);
  return {
    reachedBilling,
    rejectedByBilling,
    rejections,
    percent: share,
    target,
    meetsTarget: share === null ? null : share >= target,
  };
}

export function computeDeskKpis(input: KpiInput): DeskKpis {
  const periodOf = (request: KpiRequest) => input.periods[request.region];
  const submitted = input.requests.filter((request) => {
    const period = periodOf(request);
    return period !== undefined && inPeriod(request.submittedAt, period);
  });
  const bookedInPeriod = input.requests.filter((request) => {
    const period = periodOf(request);
    return period !== undefined && request.bookedAt !== null && inPeriod(request.bookedAt, period);
  });

  const approvalClock = (request: KpiRequest) => request.clocks.find((clock) => clock.kind === 'approval');
  const approvalMinutes = bookedInPeriod.flatMap((request) => {
    const clock = approvalClock(request);
    return clock?.status === 'stopped' ? [clock.usedMinutes] : [];
  });
  const hours = (minutes: number | null) => (minutes === null ? null : minutes / 60);

  const approvalEntries: SlaEntry[] = [
    ...bookedInPeriod.flatMap((request) => {
      const clock = approvalClock(request);
      return clock ? [{ clock, countStopped: true }] : [];
    }),
    ...submitted.flatMap((request) => {
      const clock = approvalClock(request);
      if (!clock || request.bookedAt !== null) return [];
      // Not booked: a stopped clock counts only as a breach; a running or paused one as live.
      return [{ clock, countStopped: clock.status === 'stopped' && isOver(clock) }];
    }),
  ];
  const responseEntries = submitted.flatMap((request) =>
    request.clocks
      .filter((clock) => clock.kind === 'response')
      .map((clock) => ({ clock, countStopped: true })),
  );
  const stepEntries = submitted.flatMap((request) =>
    request.clocks
      .filter(
        (clock) =>
          clock.kind === 'step' &&
          clock.stepId !== null &&
          stepMatches(request.playbook, clock.stepId, input.role),
      )
      .map((clock) => ({ clock, countStopped: true })),
  );
  const slaTarget = input.targets.slaAttainment;

  return {
    role: input.role,
    counts: countsOf(submitted),
    approvalAccuracy: accuracyOf(submitted, input.targets.approvalAccuracy),
    approvalTime: {
      count: approvalMinutes.length,
      medianHours: hours(median(approvalMinutes)),
      p90Hours: hours(nearestRankPercentile(approvalMinutes, 90)),
    },
    sla: {
      approval: slaFigure(approvalEntries, slaTarget),
      response: slaFigure(responseEntries, slaTarget),
      step: slaFigure(stepEntries, slaTarget),
    },
    rejections: rejectionReasons(submitted, input.role),
    deviations: deviationsByField(submitted, input.role),
    escalations: {
      requester: requesterEscalations(submitted),
      steps: stepEscalations(submitted, input.role),
    },
  };
}
