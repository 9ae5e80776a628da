// `/book stats` through the emulator: the KPIs of a period answered only to the asker, for desk
// admins and role holders; arguments in any order and case; a clear message for anything else.

import { describe, expect, it } from 'vitest';
import { kpiPeriods } from '../../src/app/kpis.ts';
import { defaultRegionCalendars } from '../../src/domain/calendar/index.ts';
import { ManualClock } from '../../src/domain/clock.ts';
import { computeDeskKpis } from '../../src/domain/kpi/index.ts';
import { NOT_ALLOWED } from '../../src/slack/listeners/commands/book-stats.ts';
import { kpiHomeBlocks, MAX_KPI_HOME_BLOCKS } from '../../src/slack/views/kpi-report.ts';
import { PEOPLE } from '../support/desk-config.ts';
import { type DeskHarness, eventually } from '../support/desk-harness.ts';
import { askDesk, bookThroughSlack } from '../support/flows.ts';
import { stepOf, workStep } from '../support/sop-flows.ts';
import { useDesk } from '../support/use-desk.ts';

const lead = PEOPLE.lead.id;

async function statsFor(harness: DeskHarness, userId: string, text: string) {
  const message = await askDesk(harness.emulator, userId, text);
  return {
    text: message.text,
    blocks: JSON.stringify(message.blocks ?? []),
    count: message.blocks?.length ?? 0,
  };
}

describe('/book stats', () => {
  let clock = new ManualClock(new Date('2026-11-23T10:00:00Z'));
  const start = useDesk(() => {
    clock = new ManualClock(new Date('2026-11-23T10:00:00Z'));
    return { clock };
  });

  it('answers the quarter of every region to a desk admin, each figure against its target', async () => {
    const harness = await start();
    await bookThroughSlack(harness.emulator);
    for (const index of [0, 1, 2]) await workStep(harness, stepOf(index));
    clock.advanceMinutes(150); // booked 2.5 business hours after submission (Monday 10:00 London)
    for (const index of [3, 4]) await workStep(harness, stepOf(index));
    await eventually(
      async () =>
        (await harness.database.prisma.auditEvent.count({ where: { action: 'workflow.complete' } })) === 5,
      'billing triggered',
    );
    const answer = await statsFor(harness, lead, 'stats');
    expect(answer.blocks).toContain('Desk KPIs · Q4 FY2026 · all regions');
    expect(answer.blocks).toContain('*1* submitted · *1* booked');
    expect(answer.blocks).toContain(':white_check_mark: *Approval accuracy:* 100 % (target ≥ 95 %)');
    expect(answer.blocks).toContain('0 of 1 order reaching billing rejected');
    expect(answer.blocks).toContain('*Approval time:* median 2.5 h · p90 2.5 h (business hours, 1 booking)');
    expect(answer.blocks).toContain(':white_check_mark: *Approval SLA:* 100 % met');
    expect(answer.blocks).toContain('*Response SLA:* no data yet');
    expect(answer.blocks).toContain('*Satisfaction:* no data yet (target ≥ 92 %; survey of Q3 FY2026)');
    expect(answer.text).toContain('approval accuracy 100.0 %');
  }, 60_000);

  it('takes the period, region and role in any order and case, for role holders too', async () => {
    const harness = await start();
    await bookThroughSlack(harness.emulator);
    const billing = await statsFor(harness, PEOPLE.billing.id, 'stats EMEA LAST-MONTH');
    expect(billing.blocks).toContain('Desk KPIs · October 2026 · EMEA');
    expect(billing.blocks).toContain('*0* submitted');
    expect(billing.blocks).toContain('*Approval accuracy:* no data yet');
    const month = await statsFor(harness, lead, 'STATS billing Month apac');
    expect(month.blocks).toContain('Desk KPIs · November 2026 · APAC · Billing');
    const quarter = await statsFor(harness, lead, 'stats emea quarter');
    expect(quarter.blocks).toContain('*1* submitted');
    expect(quarter.blocks).toContain('Rejection reasons');
  }, 30_000);

  it('refuses others politely and explains what it did not understand', async () => {
    const harness = await start();
    expect((await statsFor(harness, PEOPLE.rep.id, 'stats')).text).toBe(NOT_ALLOWED);
    const unknown = await statsFor(harness, lead, 'stats yesterday');
    expect(unknown.text).toContain('I did not understand `yesterday`');
    expect(unknown.text).toContain('/book stats [month|quarter|last-month|last-quarter] [region] [role]');
    expect((await statsFor(harness, lead, 'stats month quarter')).text).toContain('Name one period at most');
    expect((await statsFor(harness, lead, 'stats EMEA apac')).text).toContain('Name one region at most');
  });
});

describe("the lead's Home KPI section", () => {
  it('stays within 25 blocks however many reasons there are', async () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const query = { kind: 'quarter', which: 'current', region: null, role: null } as const;
    const periods = kpiPeriods({ calendars: defaultRegionCalendars() }, query, now);
    const empty = computeDeskKpis({
      periods,
      role: null,
      requests: [],
      targets: { approvalAccuracy: 95, slaAttainment: 95 },
    });
    const report = { query, label: 'Q4 FY2026', periods, now, kpis: empty };
    const many = Array.from({ length: 40 }, (_, index) => ({
      id: `r${index}`,
      label: `Reason ${index}`,
      count: 40 - index,
    }));
    const stepMany = many.map((item) => ({
      ...item,
      stepId: 'trigger_billing',
      stepTitle: 'Trigger billing',
      role: null,
      category: item.id,
    }));
    const blocks = kpiHomeBlocks({
      ...report,
      kpis: {
        ...report.kpis,
        rejections: stepMany,
        deviations: many,
        escalations: { requester: many, steps: stepMany },
      },
    });
    expect(blocks.length).toBeLessThanOrEqual(MAX_KPI_HOME_BLOCKS);
    const text = JSON.stringify(blocks);
    expect(text).toContain('Desk KPIs · Q4 FY2026 · all regions');
    expect(text).toContain('…and 37 more');
    expect(text).toContain('no data yet');
  });
});
