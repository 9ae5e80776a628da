// The export queries against the store (PGlite, and PostgreSQL with TEST_DATABASE_URL): rows made by
// the real services, inclusive UTC-day boundaries, and pages read by keyset, never one big result.

import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { actOnRequest } from '../../src/app/act-on-request.ts';
import { submitBooking } from '../../src/app/submit-booking.ts';
import { defaultRegionCalendars } from '../../src/domain/calendar/index.ts';
import { DEFAULT_PLAYBOOK } from '../../src/domain/playbook/default-playbook.ts';
import { createPlaybookRegistry } from '../../src/domain/playbook/registry.ts';
import { auditPages } from '../../src/export/audit.ts';
import type { ExportContext } from '../../src/export/context.ts';
import { writeCsv } from '../../src/export/csv.ts';
import { type ExportKind, parseExportRequest } from '../../src/export/range.ts';
import { exportTable } from '../../src/export/tables.ts';
import { parseCsv } from '../support/csv.ts';
import { forEachDatabase } from '../support/database.ts';
import { aDraft, serviceContext } from '../support/services.ts';

const REP = 'U_REP';

function range(what: ExportKind, from: string, to: string) {
  const parsed = parseExportRequest({ what, from, to });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.request;
}

forEachDatabase('the CSV exports', (database) => {
  /** Requests submitted either side of both ends of Q3 2026, one of them withdrawn. */
  async function quarterOfRequests() {
    const { ctx, clock } = serviceContext(database.prisma, new Date('2026-06-30T23:59:59.999Z'));
    const submit = async (at: string, quoteNumber: string, customerAccountName = 'Acme Widgets Ltd') => {
      clock.set(new Date(at));
      const result = await submitBooking(ctx, {
        requesterId: REP,
        deskChannel: 'C_DESK',
        intakeViewId: null,
        draft: aDraft({ quoteNumber, customerAccountName }),
      });
      if (!result.ok) throw new Error('booking failed');
      return result;
    };
    const before = await submit('2026-06-30T23:59:59.999Z', 'Q-1');
    const first = await submit('2026-07-01T00:00:00.000Z', 'Q-2', '=cmd|"calc", Inc.');
    const last = await submit('2026-09-30T23:59:59.999Z', 'Q-3');
    const after = await submit('2026-10-01T00:00:00.000Z', 'Q-4');
    clock.set(new Date('2026-09-30T23:59:59.999Z'));
    const withdrawn = await actOnRequest(ctx, {
      requestId: last.requestId,
      command: { type: 'withdraw', actor: { userId: REP, roles: [], isDeskAdmin: false }, at: clock.now() },
    });
    expect(withdrawn.ok).toBe(true);
    clock.set(new Date('2026-10-02T12:00:00Z'));
    const exportCtx: ExportContext = {
      db: database.prisma,
      calendars: defaultRegionCalendars(),
      playbooks: ctx.playbooks,
      now: clock.now(),
    };
    return { exportCtx, before, first, last, after };
  }

  async function exportCsv(ctx: ExportContext, what: ExportKind, from: string, to: string) {
    let text = '';
    const out = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        text += chunk.toString();
        callback();
      },
    });
    const rows = await writeCsv(exportTable(ctx, range(what, from, to)), out);
    const [header, ...records] = parseCsv(text);
    const objects = records.map((record) =>
      Object.fromEntries((header ?? []).map((name, index) => [name, record[index]])),
    );
    return { rows, header, objects };
  }

  it('exports one row per request submitted in the range, both end days included', async () => {
    const { exportCtx, first, last } = await quarterOfRequests();
    const { rows, objects } = await exportCsv(exportCtx, 'requests', '2026-07-01', '2026-09-30');
    expect(rows).toBe(2);
    expect(objects.map((row) => row.reference)).toEqual([first.reference, last.reference]);
    expect(objects[0]).toMatchObject({
      status: 'submitted',
      region: 'EMEA',
      requester: REP,
      // Formula-guarded, and its comma and quotes survive the round trip.
      customer: `'=cmd|"calc", Inc.`,
      quote: 'Q-2',
      currency: 'GBP',
      // 25 × 40.00 × 12 less 10 % plus 1 × 500.00 × 12.
      total_contract_value: '16800.00',
      term_months: '12',
      urgent: 'false',
      submitted: '2026-07-01T00:00:00.000Z',
      booked: '',
      closed: '',
      approval_sla_status: 'running',
    });
    expect(objects[0]?.current_step).toMatch(/^1 \S/);
    expect(Number(objects[0]?.approval_business_minutes)).toBeGreaterThan(0);
    expect(objects[1]).toMatchObject({
      status: 'withdrawn',
      closed: '2026-09-30T23:59:59.999Z',
      current_step: '',
    });
  });

  it('exports the audit events of the range with the request reference and JSON before/after', async () => {
    const { exportCtx, first, last } = await quarterOfRequests();
    const { objects } = await exportCsv(exportCtx, 'audit', '2026-07-01', '2026-09-30');
    expect(objects.map((row) => [row.request, row.action])).toEqual([
      [first.reference, 'request.submitted'],
      [last.reference, 'request.submitted'],
      [last.reference, expect.stringMatching(/withdr/)],
    ]);
    expect(objects[0]).toMatchObject({ actor: REP, at: '2026-07-01T00:00:00.000Z', before: '' });
    expect(JSON.parse(objects[0]?.after ?? '')).toMatchObject({ quoteNumber: 'Q-2' });
    const oneDay = await exportCsv(exportCtx, 'audit', '2026-10-01', '2026-10-01');
    expect(oneDay.objects.map((row) => row.request)).toEqual([expect.stringMatching(/^BK-2026-/)]);
  });

  it('exports KPI rows per month and region of submission', async () => {
    const { exportCtx, first } = await quarterOfRequests();
    // The July request was booked within its approval SLA, after 300 business minutes.
    await database.prisma.slaClock.updateMany({
      where: { requestId: first.requestId, key: 'approval' },
      data: { status: 'stopped', outcome: 'met', consumedMinutes: 300, runningSince: null },
    });
    await database.prisma.$executeRaw`
      UPDATE "BookingRequest" SET workflow = jsonb_set(workflow, '{bookedAt}', '"2026-07-01T05:00:00.000Z"')
      WHERE id = ${first.requestId}::uuid`;
    const { header, objects } = await exportCsv(exportCtx, 'kpis', '2026-06-01', '2026-10-31');
    expect(header).toEqual([
      'month',
      'region',
      'submitted',
      'booked',
      'approval_sla_met',
      'approval_sla_breached',
      'median_approval_business_hours',
    ]);
    // September's request was withdrawn before booking: its clock stopped, neither met nor breached.
    expect(
      objects.map((row) => [row.month, row.region, row.submitted, row.booked, row.approval_sla_met]),
    ).toEqual([
      ['2026-06', 'EMEA', '1', '0', '0'],
      ['2026-07', 'EMEA', '1', '1', '1'],
      ['2026-09', 'EMEA', '1', '0', '0'],
      ['2026-10', 'EMEA', '1', '0', '0'],
    ]);
    expect(objects[1]?.median_approval_business_hours).toBe('5.00');
    expect(objects[0]?.median_approval_business_hours).toBe('');
  });

  it('streams 5,000 audit events in pages of 1,000, in id order, never as one string', async () => {
    const at = new Date('2026-08-15T12:00:00Z');
    await database.prisma.auditEvent.createMany({
      data: Array.from({ length: 5000 }, (_, i) => ({
        requestId: null,
        actorId: 'U_LOAD',
        action: 'load.test',
        at,
        after: { i, note: 'a, "quoted"\nnote' },
      })),
    });
    const pageSizes: number[] = [];
    let lastId = 0n;
    const q3 = range('audit', '2026-07-01', '2026-09-30').range;
    for await (const page of auditPages(database.prisma, q3, 1000)) {
      pageSizes.push(page.length);
      for (const row of page) {
        const id = row[0] as bigint;
        expect(id > lastId).toBe(true);
        lastId = id;
      }
    }
    expect(pageSizes).toEqual([1000, 1000, 1000, 1000, 1000]);

    // Written a page per write: the sink sees chunks, keeps only counts.
    let writes = 0;
    let records = 0;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        writes++;
        records += chunk.toString().split('"\r\n').length - 1;
        callback();
      },
    });
    const exportCtx = { ...contextFor(database.prisma), pageSize: 1000 };
    expect(await writeCsv(exportTable(exportCtx, range('audit', '2026-07-01', '2026-09-30')), sink)).toBe(
      5000,
    );
    expect(writes).toBe(1 + 5);
    expect(records).toBe(5000);
  });
});

function contextFor(db: ExportContext['db']): ExportContext {
  return {
    db,
    calendars: defaultRegionCalendars(),
    playbooks: createPlaybookRegistry([DEFAULT_PLAYBOOK]),
    now: new Date('2026-10-02T00:00:00Z'),
  };
}
