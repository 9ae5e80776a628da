// The desk KPIs read back from the store (PGlite, and PostgreSQL with TEST_DATABASE_URL): rows written
// by the real services with a manual clock, then loaded for a period, a region and a role.
//
// EMEA, Q4 FY2026 (the clock starts Monday 23 November 2026, 10:00 London = UTC):
//   A  submitted Mon 10:00, booked Mon 13:00 (3 business hours), billing completes: reaches billing
//   B  submitted Tue 09:00, booked Tue 14:00 (5 business hours), billing rejects it (purchase order)
//   C  submitted Wed 09:00, verify_quote escalated (quote expired), confirm_terms records a pricing
//      deviation and asks for changes
//   D  submitted Wed 10:00, the requester escalates (customer deadline), then withdraws
//   P  submitted in Q3 (28 September), still waiting: not in Q4
//   Q  submitted in Q3 (Wed 30 September 16:00 London), booked in Q4 (Thu 1 October 10:00 London):
//      6 business hours (16:00–20:00 in the quarter-end window's extended hours, then 08:00–10:00);
//      its approval time and SLA count in Q4
//   X  APAC, submitted Mon: in "all regions" only
// By hand: approval times booked in Q4 are 3 (A), 5 (B) and 6 (Q) h: median 5 h, p90 (rank ⌈2.7⌉ = 3)
// 6 h; accuracy (A and B reached billing, B rejected) 1 of 2 = 50 %.

import { expect, it } from 'vitest';
import { actOnRequest } from '../../src/app/act-on-request.ts';
import { openEscalation } from '../../src/app/escalate-request.ts';
import { type KpiQuery, loadDeskKpis } from '../../src/app/kpis.ts';
import { submitBooking } from '../../src/app/submit-booking.ts';
import type { Region } from '../../src/domain/regions.ts';
import type { Role } from '../../src/domain/roles.ts';
import type { WorkflowCommand } from '../../src/domain/workflow/commands.ts';
import { forEachDatabase } from '../support/database.ts';
import { aDeskConfig } from '../support/desk-config.ts';
import { aDraft, serviceContext } from '../support/services.ts';
import { stepOf } from '../support/sop-flows.ts';

const REP = 'U_REP';
const CONFIG = aDeskConfig();
const QUARTER: KpiQuery = { kind: 'quarter', which: 'current', region: null, role: null };

type Ctx = ReturnType<typeof serviceContext>;
/** A command without its actor and time (the helper adds them), kept per command type. */
type CommandInput = WorkflowCommand extends infer C
  ? C extends WorkflowCommand
    ? Omit<C, 'actor' | 'at'>
    : never
  : never;

forEachDatabase('desk KPIs from the store', (database) => {
  async function submit({ ctx, clock }: Ctx, at: string, quoteNumber: string, region: Region = 'EMEA') {
    clock.set(new Date(at));
    const result = await submitBooking(ctx, {
      requesterId: REP,
      deskChannel: 'C_DESK',
      intakeViewId: null,
      draft: aDraft({ quoteNumber, region }),
    });
    if (!result.ok) throw new Error(`booking ${quoteNumber} failed`);
    return result.requestId;
  }

  async function act({ ctx, clock }: Ctx, requestId: string, command: CommandInput, role: Role | null) {
    const actor = role
      ? { userId: `U_${role}`, roles: [role], isDeskAdmin: false }
      : { userId: REP, roles: [], isDeskAdmin: false };
    const result = await actOnRequest(ctx, {
      requestId,
      command: { ...command, actor, at: clock.now() } as WorkflowCommand,
    });
    if (!result.ok) throw new Error(`${command.type} refused: ${JSON.stringify(result)}`);
  }

  /** Ticks every mandatory item of step `index` (0-based) and completes it with valid evidence. */
  async function work(services: Ctx, requestId: string, index: number) {
    const step = stepOf(index);
    for (const item of step.checklist.filter((candidate) => candidate.mandatory)) {
      await act(services, requestId, { type: 'tick', stepId: step.id, itemId: item.id }, step.role);
    }
    const evidence = Object.fromEntries(
      step.evidence.map((field) => {
        switch (field.type) {
          case 'reference':
            return [field.id, field.example ?? 'REF-100'];
          case 'date':
            return [field.id, '2026-12-15'];
          case 'choice':
            return [field.id, field.options[0]!.id];
          case 'slack_user':
            return [field.id, 'U_OWNER'];
          default:
            return [field.id, 'Checked'];
        }
      }),
    );
    await act(services, requestId, { type: 'complete', stepId: step.id, evidence }, step.role);
  }

  async function aQuarter() {
    const services = serviceContext(database.prisma, new Date('2026-09-28T09:00:00Z'));
    const { clock } = services;
    const p = await submit(services, '2026-09-28T09:00:00Z', 'Q-P');
    const q = await submit(services, '2026-09-30T15:00:00Z', 'Q-Q');
    for (const index of [0, 1, 2]) await work(services, q, index);
    clock.set(new Date('2026-10-01T09:00:00Z'));
    await work(services, q, 3);
    const a = await submit(services, '2026-11-23T10:00:00Z', 'Q-A');
    const x = await submit(services, '2026-11-23T10:00:00Z', 'Q-X', 'APAC');
    for (const index of [0, 1, 2]) await work(services, a, index);
    clock.set(new Date('2026-11-23T13:00:00Z'));
    await work(services, a, 3); // booked after 3 business hours
    await work(services, a, 4); // billing triggered

    const b = await submit(services, '2026-11-24T09:00:00Z', 'Q-B');
    for (const index of [0, 1, 2]) await work(services, b, index);
    clock.set(new Date('2026-11-24T14:00:00Z'));
    await work(services, b, 3); // booked after 5 business hours
    await act(
      services,
      b,
      {
        type: 'reject',
        stepId: 'trigger_billing',
        reason: 'No PO on file',
        category: 'missing_purchase_order',
      },
      'billing',
    );

    const c = await submit(services, '2026-11-25T09:00:00Z', 'Q-C');
    await act(
      services,
      c,
      { type: 'escalate', stepId: 'verify_quote', category: 'quote_expired', note: 'Expired last week' },
      'order_management',
    );
    await work(services, c, 0);
    await act(
      services,
      c,
      {
        type: 'record_deviation',
        stepId: 'confirm_terms',
        field: 'pricing',
        expected: '40.00',
        actual: '38.00',
      },
      'revenue_operations',
    );
    await act(
      services,
      c,
      { type: 'request_changes', stepId: 'confirm_terms', note: 'Fix the price' },
      'revenue_operations',
    );

    const d = await submit(services, '2026-11-25T10:00:00Z', 'Q-D');
    clock.set(new Date('2026-11-25T11:00:00Z'));
    const escalation = await openEscalation(services.ctx, CONFIG, {
      requestId: d,
      actorId: REP,
      category: 'customer_deadline',
      reason: 'The customer goes live on the first of December',
    });
    expect(escalation.ok).toBe(true);
    clock.set(new Date('2026-11-25T12:00:00Z'));
    await act(services, d, { type: 'withdraw', reason: 'Customer postponed' }, null);

    clock.set(new Date('2026-12-01T12:00:00Z'));
    return { services, ids: { a, b, c, d, p, q, x } };
  }

  it('computes the quarter of every region from the rows the services wrote', async () => {
    const { services } = await aQuarter();
    const report = await loadDeskKpis(services.ctx, CONFIG, QUARTER);
    expect(report.label).toBe('Q4 FY2026');
    expect(report.periods.EMEA).toMatchObject({ firstDate: '2026-10-01', lastDate: '2026-12-31' });
    const { kpis } = report;
    expect(kpis.counts).toEqual({
      submitted: 5,
      booked: 2,
      completed: 0,
      rejected: 0,
      withdrawn: 1,
      cancelled: 0,
      open: 4,
    });
    expect(kpis.approvalAccuracy).toMatchObject({
      reachedBilling: 2,
      rejectedByBilling: 1,
      percent: 50,
      target: 95,
      meetsTarget: false,
    });
    expect(kpis.approvalTime).toEqual({ count: 3, medianHours: 5, p90Hours: 6 });
    // A, B and Q booked within 12 business hours; C is paused within budget; X (APAC) has been running
    // for a week of Sydney business days: over, so a miss already.
    expect(kpis.sla.approval).toMatchObject({ met: 3, decided: 4, breachedRunning: 1, meetsTarget: false });
    // D's response clock stopped when the request closed, within its 6 hours.
    expect(kpis.sla.response).toMatchObject({ met: 1, decided: 1 });
    expect(kpis.rejections).toEqual([
      expect.objectContaining({ stepId: 'trigger_billing', label: 'Purchase order missing', count: 1 }),
    ]);
    expect(kpis.deviations).toEqual([{ id: 'pricing', label: 'Pricing', count: 1 }]);
    expect(kpis.escalations.requester).toEqual([
      { id: 'customer_deadline', label: 'Customer deadline', count: 1 },
    ]);
    expect(kpis.escalations.steps).toEqual([
      expect.objectContaining({ stepId: 'verify_quote', label: 'Quote expired' }),
    ]);
  });

  it('narrows to one region and one role', async () => {
    const { services } = await aQuarter();
    const apac = await loadDeskKpis(services.ctx, CONFIG, { ...QUARTER, region: 'APAC' });
    expect(apac.kpis.counts.submitted).toBe(1);
    expect(Object.keys(apac.periods)).toEqual(['APAC']);
    const emea = await loadDeskKpis(services.ctx, CONFIG, { ...QUARTER, region: 'EMEA' });
    expect(emea.kpis.sla.approval).toMatchObject({ met: 3, decided: 3, percent: 100, meetsTarget: true });
    const billing = await loadDeskKpis(services.ctx, CONFIG, { ...QUARTER, region: 'EMEA', role: 'billing' });
    expect(billing.kpis.counts.submitted).toBe(4);
    expect(billing.kpis.rejections.map((item) => item.stepId)).toEqual(['trigger_billing']);
    expect(billing.kpis.deviations).toEqual([]);
    expect(billing.kpis.escalations.steps).toEqual([]);
  });

  it('reads the previous quarter (a request booked after it counts in its cohort, not its approval time)', async () => {
    const { services } = await aQuarter();
    const q3 = await loadDeskKpis(services.ctx, CONFIG, { ...QUARTER, which: 'previous', region: 'EMEA' });
    expect(q3.label).toBe('Q3 FY2026');
    expect(q3.kpis.counts).toMatchObject({ submitted: 2, booked: 1, open: 2 });
    expect(q3.kpis.approvalTime.count).toBe(0);
    // P has been waiting since 28 September: far over its approval SLA, still running.
    expect(q3.kpis.sla.approval).toMatchObject({ met: 0, decided: 1, breachedRunning: 1 });
    const november = await loadDeskKpis(services.ctx, CONFIG, { ...QUARTER, kind: 'month', region: 'EMEA' });
    expect(november.label).toBe('December 2026');
    expect(november.kpis.counts.submitted).toBe(0);
  });

  it('answers an empty period with no data rather than zeros', async () => {
    const { ctx } = serviceContext(database.prisma);
    const report = await loadDeskKpis(ctx, CONFIG, QUARTER);
    expect(report.kpis.counts.submitted).toBe(0);
    expect(report.kpis.approvalAccuracy.percent).toBeNull();
    expect(report.kpis.approvalTime.medianHours).toBeNull();
  });
});
