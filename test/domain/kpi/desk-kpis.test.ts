// The desk KPIs against a hand-computed fixture: twelve requests with known outcomes.
//
// EMEA, Q4 FY2026 (1 Oct – 31 Dec 2026, London). Submitted in the quarter: R1–R10.
//   R1  completed          booked  approval 3 h met      step SLA (verify_acknowledgements) met
//   R2  completed          booked  approval 5 h met      step SLA breached
//   R3  completed          booked  approval 7 h met      step SLA met
//   R4  booked             booked  approval 12.5 h BREACHED (12 h budget)   deviation: pricing
//   R5  changes_requested  booked  approval 6 h met      billing rejected it (purchase order missing);
//                                                        billing_readiness escalated (billing hold)
//   R6  cancelled          booked  approval 9 h met
//   R7  completed          booked  approval 4 h met      requester escalation (customer deadline), answered in time
//   R8  booked             booked  approval 10 h met     (at billing now)
//   R9  in_review          —       approval clock running, 600 of 720 min used (at risk);
//                                  deviations: pricing, start date; requester escalation (deal at risk),
//                                  response clock running, 400 of 360 min (over)
//   R10 rejected           —       rejected at verify_quote (duplicate); escalated there first
//                                  (quote expired); approval clock stopped within budget (not counted)
// Submitted in Q3, booked in Q4: R11 (approval 20 h, breached). APAC: R12 (ignored unless asked).
//
// By hand:
//   counts: 10 submitted, 8 booked, 4 completed, 4 open (R4, R5, R8, R9), 1 rejected, 1 cancelled
//   approval accuracy: R1–R8 reached trigger_billing, R5 rejected there → 7 / 8 = 87.5 % (< 95 % ⚠️)
//   approval time (booked in Q4: R1–R8, R11) sorted 3, 4, 5, 6, 7, 9, 10, 12.5, 20 h:
//     median = 5th of 9 = 7 h; p90 = rank ⌈0.9 × 9⌉ = 9th = 20 h
//   approval SLA: 7 met of 9 (R4, R11 breached) = 77.8 %; R9 at risk
//   response SLA: R7 met, R9 over → 1 of 2 = 50 %; 1 running over
//   step SLA: R1, R3 met, R2 breached → 2 of 3 = 66.7 %

import { describe, expect, it } from 'vitest';
import {
  computeDeskKpis,
  type KpiClock,
  type KpiEvent,
  type KpiInput,
  type KpiRequest,
  kpiEventsOf,
  kpiPeriod,
} from '../../../src/domain/kpi/index.ts';
import { DEFAULT_PLAYBOOK } from '../../../src/domain/playbook/default-playbook.ts';
import type { Region } from '../../../src/domain/regions.ts';
import type { Role } from '../../../src/domain/roles.ts';
import type { WorkflowEvent } from '../../../src/domain/workflow/events.ts';

const NOW = new Date('2026-12-15T12:00:00Z');
const Q4 = kpiPeriod('quarter', 'current', NOW, { timeZone: 'Europe/London', fiscalYearStartMonth: 1 });
const TARGETS = { approvalAccuracy: 95, slaAttainment: 95 };
const STEP_IDS = DEFAULT_PLAYBOOK.steps.map((step) => step.id);
const at = new Date('2026-11-02T10:00:00Z');

/** step_activated for the first `count` steps of the playbook (1 = verify_quote only). */
function activated(count: number): KpiEvent[] {
  return STEP_IDS.slice(0, count).map((stepId) => ({ type: 'step_activated', stepId, at }));
}

function approval(
  hours: number,
  outcome: 'met' | 'breached' | null = hours <= 12 ? 'met' : 'breached',
): KpiClock {
  return {
    kind: 'approval',
    stepId: null,
    targetMinutes: 720,
    status: outcome === null ? 'running' : 'stopped',
    outcome,
    usedMinutes: hours * 60,
    breachedAt: outcome === 'breached' ? at : null,
  };
}

function clock(
  kind: 'step' | 'response',
  fields: Partial<KpiClock> & Pick<KpiClock, 'usedMinutes'>,
): KpiClock {
  return {
    kind,
    stepId: kind === 'step' ? 'verify_acknowledgements' : null,
    targetMinutes: kind === 'step' ? 480 : 360,
    status: 'stopped',
    outcome: 'met',
    breachedAt: null,
    ...fields,
  };
}

function aRequest(id: string, fields: Partial<KpiRequest>): KpiRequest {
  return {
    id,
    region: 'EMEA',
    status: 'completed',
    submittedAt: new Date('2026-10-15T09:00:00Z'),
    bookedAt: new Date('2026-10-20T09:00:00Z'),
    playbook: DEFAULT_PLAYBOOK,
    events: activated(7),
    clocks: [],
    escalationCases: [],
    ...fields,
  };
}

const rejected = (stepId: string, category: string | null): KpiEvent => ({
  type: 'step_rejected',
  stepId,
  category,
  at,
});
const deviation = (field: string): KpiEvent => ({
  type: 'deviation_recorded',
  stepId: 'confirm_terms',
  field,
  at,
});
const escalated = (stepId: string, category: string): KpiEvent => ({
  type: 'escalated',
  stepId,
  category,
  at,
});

const FIXTURE: KpiRequest[] = [
  aRequest('R1', { clocks: [approval(3), clock('step', { usedMinutes: 200 })] }),
  aRequest('R2', {
    clocks: [approval(5), clock('step', { usedMinutes: 500, outcome: 'breached', breachedAt: at })],
  }),
  aRequest('R3', { clocks: [approval(7), clock('step', { usedMinutes: 480 })] }),
  aRequest('R4', {
    status: 'booked',
    events: [...activated(4), deviation('pricing'), ...activated(6).slice(4)],
    clocks: [approval(12.5)],
  }),
  aRequest('R5', {
    status: 'changes_requested',
    events: [
      ...activated(3),
      escalated('billing_readiness', 'billing_hold'),
      ...activated(5).slice(3),
      rejected('trigger_billing', 'missing_purchase_order'),
    ],
    clocks: [approval(6)],
  }),
  aRequest('R6', { status: 'cancelled', events: activated(6), clocks: [approval(9)] }),
  aRequest('R7', {
    clocks: [approval(4), clock('response', { usedMinutes: 90 })],
    escalationCases: [{ category: 'customer_deadline' }],
  }),
  aRequest('R8', {
    status: 'booked',
    submittedAt: new Date('2026-12-01T09:00:00Z'),
    bookedAt: new Date('2026-12-10T09:00:00Z'),
    events: activated(5),
    clocks: [approval(10)],
  }),
  aRequest('R9', {
    status: 'in_review',
    bookedAt: null,
    events: [...activated(2), deviation('pricing'), deviation('start_date')],
    clocks: [approval(10, null), clock('response', { status: 'running', outcome: null, usedMinutes: 400 })],
    escalationCases: [{ category: 'deal_at_risk' }],
  }),
  aRequest('R10', {
    status: 'rejected',
    bookedAt: null,
    events: [
      ...activated(1),
      escalated('verify_quote', 'quote_expired'),
      rejected('verify_quote', 'duplicate_request'),
    ],
    clocks: [approval(2)],
  }),
  aRequest('R11', {
    status: 'booked',
    submittedAt: new Date('2026-09-25T09:00:00Z'),
    bookedAt: new Date('2026-10-02T09:00:00Z'),
    events: activated(5),
    clocks: [approval(20)],
  }),
  aRequest('R12', { region: 'APAC', clocks: [approval(1)] }),
];

function kpis(overrides: Partial<KpiInput> = {}) {
  return computeDeskKpis({
    periods: { EMEA: Q4 },
    role: null,
    requests: FIXTURE,
    targets: TARGETS,
    ...overrides,
  });
}

describe('desk KPIs of a hand-computed quarter', () => {
  it('counts the requests submitted in the period by where they stand', () => {
    expect(kpis().counts).toEqual({
      submitted: 10,
      booked: 8,
      completed: 4,
      rejected: 1,
      withdrawn: 0,
      cancelled: 1,
      open: 4,
    });
  });

  it('gives approval accuracy: 7 of 8 orders reaching billing not rejected there = 87.5 %, below 95 %', () => {
    expect(kpis().approvalAccuracy).toEqual({
      reachedBilling: 8,
      rejectedByBilling: 1,
      rejections: 1,
      percent: 87.5,
      target: 95,
      meetsTarget: false,
    });
  });

  it('gives the approval time of the bookings in the period: median 7 h, p90 20 h', () => {
    expect(kpis().approvalTime).toEqual({ count: 9, medianHours: 7, p90Hours: 20 });
  });

  it('gives SLA attainment for approval, response and step SLAs, with what runs at risk or over now', () => {
    const { sla } = kpis();
    expect(sla.approval).toMatchObject({ met: 7, decided: 9, running: 1, atRisk: 1, breachedRunning: 0 });
    expect(sla.approval.percent).toBeCloseTo(77.78, 2);
    expect(sla.approval.meetsTarget).toBe(false);
    expect(sla.response).toMatchObject({
      met: 1,
      decided: 2,
      percent: 50,
      running: 1,
      atRisk: 0,
      breachedRunning: 1,
    });
    expect(sla.step).toMatchObject({ met: 2, decided: 3, running: 0 });
    expect(sla.step.percent).toBeCloseTo(66.67, 2);
  });

  it('breaks down rejections by step and category, deviations by field, escalations by category', () => {
    const result = kpis();
    expect(result.rejections).toEqual([
      {
        stepId: 'trigger_billing',
        stepTitle: 'Trigger billing',
        role: 'billing',
        category: 'missing_purchase_order',
        label: 'Purchase order missing',
        count: 1,
      },
      {
        stepId: 'verify_quote',
        stepTitle: 'Verify the quote',
        role: 'order_management',
        category: 'duplicate_request',
        label: 'Duplicate request',
        count: 1,
      },
    ]);
    expect(result.deviations).toEqual([
      { id: 'pricing', label: 'Pricing', count: 2 },
      { id: 'start_date', label: 'Start date', count: 1 },
    ]);
    expect(result.escalations.requester).toEqual([
      { id: 'customer_deadline', label: 'Customer deadline', count: 1 },
      { id: 'deal_at_risk', label: 'Deal at risk', count: 1 },
    ]);
    expect(result.escalations.steps.map((item) => [item.stepId, item.label, item.count])).toEqual([
      ['billing_readiness', 'Billing hold in place', 1],
      ['verify_quote', 'Quote expired', 1],
    ]);
  });

  it("restricts the breakdowns and step SLAs to one role's steps, leaving the rest alone", () => {
    const billing = kpis({ role: 'billing' });
    expect(billing.rejections.map((item) => item.stepId)).toEqual(['trigger_billing']);
    expect(billing.deviations).toEqual([]);
    expect(billing.escalations.steps.map((item) => item.stepId)).toEqual(['billing_readiness']);
    expect(billing.escalations.requester).toHaveLength(2);
    expect(billing.sla.step).toMatchObject({ decided: 0, percent: null, meetsTarget: null });
    expect(billing.approvalAccuracy.percent).toBe(87.5);
    const orders: Role = 'order_management';
    expect(kpis({ role: orders }).sla.step).toMatchObject({ met: 2, decided: 3 });
    expect(kpis({ role: 'revenue_operations' }).deviations).toHaveLength(2);
  });

  it("reads each region's requests in that region's period, and leaves out regions not asked about", () => {
    const apacQ4 = kpiPeriod('quarter', 'current', NOW, {
      timeZone: 'Australia/Sydney',
      fiscalYearStartMonth: 1,
    });
    const periods: Partial<Record<Region, { start: Date; end: Date }>> = { EMEA: Q4, APAC: apacQ4 };
    // 15:00 UTC on 30 September: still Q3 in London, already Q4 in Sydney.
    const edge = (id: string, region: Region) =>
      aRequest(id, {
        region,
        submittedAt: new Date('2026-09-30T15:00:00Z'),
        bookedAt: null,
        events: [],
        status: 'submitted',
      });
    const result = computeDeskKpis({
      periods,
      role: null,
      requests: [...FIXTURE, edge('EDGE-EMEA', 'EMEA'), edge('EDGE-APAC', 'APAC')],
      targets: TARGETS,
    });
    expect(result.counts.submitted).toBe(12); // R1–R10, R12 and the APAC edge
    expect(result.approvalTime.count).toBe(10);
  });

  it('says "no data" (null) where a denominator is 0', () => {
    const empty = kpis({ requests: [] });
    expect(empty.counts.submitted).toBe(0);
    expect(empty.approvalAccuracy).toMatchObject({ reachedBilling: 0, percent: null, meetsTarget: null });
    expect(empty.approvalTime).toEqual({ count: 0, medianHours: null, p90Hours: null });
    expect(empty.sla.approval).toMatchObject({ decided: 0, percent: null, meetsTarget: null });
  });

  it('meets the targets when all goes well', () => {
    const good = kpis({ requests: FIXTURE.filter((request) => ['R1', 'R3', 'R7'].includes(request.id)) });
    expect(good.approvalAccuracy).toMatchObject({ percent: 100, meetsTarget: true });
    expect(good.sla.approval).toMatchObject({ percent: 100, meetsTarget: true });
  });

  it('counts an unbooked request whose approval SLA is already breached as a miss, and an order rejected twice once', () => {
    const result = kpis({
      requests: [
        aRequest('W', { status: 'withdrawn', bookedAt: null, events: activated(2), clocks: [approval(14)] }),
        aRequest('P', {
          status: 'changes_requested',
          bookedAt: null,
          events: activated(2),
          clocks: [{ ...approval(13, null), status: 'paused' }],
        }),
        aRequest('B', {
          events: [
            ...activated(5),
            rejected('trigger_billing', 'order_mismatch'),
            ...activated(5).slice(4),
            rejected('trigger_billing', null),
          ],
          clocks: [approval(2)],
        }),
      ],
    });
    expect(result.sla.approval).toMatchObject({ met: 1, decided: 3, running: 0, breachedRunning: 0 });
    expect(result.approvalAccuracy).toMatchObject({
      reachedBilling: 1,
      rejectedByBilling: 1,
      rejections: 2,
      percent: 0,
    });
    expect(result.rejections.map((item) => item.label)).toEqual([
      'Booked order does not match the quote',
      'No category',
    ]);
    expect(result.counts).toMatchObject({ withdrawn: 1, open: 1, completed: 1 });
  });

  it('reads the KPI events out of workflow events', () => {
    const base = { at: '2026-11-02T10:00:00.000Z', by: 'U1', stepId: 'confirm_terms' };
    const events: WorkflowEvent[] = [
      { ...base, type: 'step_activated', assigneeId: null },
      { ...base, type: 'step_taken', previousAssigneeId: null },
      {
        ...base,
        type: 'deviation_recorded',
        deviation: { field: 'sku', expected: 'A', actual: 'B', note: '', by: 'U1', at: base.at },
      },
      { ...base, type: 'escalated', category: 'quote_expired', note: 'n', escalateTo: 'x' },
      { ...base, type: 'step_rejected', reason: 'r', category: null, leadsTo: 'requester', goTo: null },
    ];
    expect(kpiEventsOf(events).map((event) => event.type)).toEqual([
      'step_activated',
      'deviation_recorded',
      'escalated',
      'step_rejected',
    ]);
    expect(kpiEventsOf(events)[1]).toMatchObject({ field: 'sku', at: new Date(base.at) });
  });
});
