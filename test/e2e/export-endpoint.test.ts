// GET /admin/export through the real app (Bolt's HTTP receiver): off without ADMIN_TOKEN, 401 without
// or with a wrong token, 400 with the reason for bad parameters, else the CSV streamed as a download.

import { describe, expect, it } from 'vitest';
import { submitBooking } from '../../src/app/submit-booking.ts';
import { parseCsv } from '../support/csv.ts';
import { DESK_CHANNEL, PEOPLE } from '../support/desk-config.ts';
import type { DeskHarness } from '../support/desk-harness.ts';
import { aDraft, serviceContext } from '../support/services.ts';
import { useDesk } from '../support/use-desk.ts';

const TOKEN = `${'a'.repeat(24)}export-token-0123456789`;

function exportUrl(harness: DeskHarness, query: string): string {
  return `${harness.appUrl.replace(/\/slack\/events$/, '')}/admin/export?${query}`;
}

const Q4 = 'what=audit&from=2026-10-01&to=2026-12-31';

describe('the export endpoint without ADMIN_TOKEN', () => {
  const startDesk = useDesk();

  it('does not exist', async () => {
    const harness = await startDesk();
    const response = await fetch(exportUrl(harness, Q4), { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(404);
    // The rest of the receiver is untouched.
    expect((await fetch(harness.appUrl.replace('/slack/events', '/healthz'))).status).toBe(200);
  });
});

describe('the export endpoint with ADMIN_TOKEN', () => {
  const startDesk = useDesk(() => ({ adminToken: TOKEN }));
  const auth = { authorization: `Bearer ${TOKEN}` };

  it('refuses a missing or wrong token with 401', async () => {
    const harness = await startDesk();
    const attempts: Array<Record<string, string>> = [
      {},
      { authorization: `Bearer ${TOKEN}x` },
      { authorization: `Bearer ${TOKEN.slice(0, -1)}` },
      { authorization: `Basic ${TOKEN}` },
      { authorization: TOKEN },
    ];
    for (const headers of attempts) {
      const response = await fetch(exportUrl(harness, Q4), { headers });
      expect(response.status, JSON.stringify(headers)).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await response.text()).not.toContain('request.submitted');
    }
  });

  it('says what is wrong with the parameters, with 400', async () => {
    const harness = await startDesk();
    const cases: Array<[string, RegExp]> = [
      ['what=orders&from=2026-10-01&to=2026-12-31', /what "orders" is not one of requests, audit, kpis/],
      ['what=audit&from=2026-13-01&to=2026-12-31', /from "2026-13-01" is not a day of the calendar/],
      ['what=audit&from=2026-12-31&to=2026-10-01', /to \(2026-10-01\) is before from \(2026-12-31\)/],
      ['what=audit&from=2026-10-01', /to is missing/],
      ['from=2026-10-01&to=2026-12-31', /what is missing/],
    ];
    for (const [query, message] of cases) {
      const response = await fetch(exportUrl(harness, query), { headers: auth });
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await response.text()).toMatch(message);
    }
  });

  it('streams the CSV as an attachment', async () => {
    const harness = await startDesk();
    const { ctx, clock } = serviceContext(harness.database.prisma, new Date('2026-11-23T10:00:00Z'));
    for (const quoteNumber of ['Q-1', 'Q-2']) {
      await submitBooking(ctx, {
        requesterId: PEOPLE.rep.id,
        deskChannel: DESK_CHANNEL,
        intakeViewId: null,
        draft: aDraft({ quoteNumber, customerAccountName: '@Acme, "Widgets"\nLtd' }),
      });
      clock.advanceMinutes(1);
    }
    const response = await fetch(exportUrl(harness, Q4), { headers: auth });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="booking-desk-audit-2026-10-01-2026-12-31.csv"',
    );
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    const [header, ...rows] = parseCsv(await response.text());
    expect(header).toEqual(['id', 'at', 'request', 'actor', 'action', 'before', 'after']);
    expect(rows.map((row) => [row[2], row[4]])).toEqual([
      ['BK-2026-000001', 'request.submitted'],
      ['BK-2026-000002', 'request.submitted'],
    ]);
    expect(JSON.parse(rows[0]?.[6] ?? '')).toMatchObject({ quoteNumber: 'Q-1' });

    const requests = await fetch(exportUrl(harness, 'what=requests&from=2026-11-23&to=2026-11-23'), {
      headers: auth,
    });
    const [requestHeader, ...requestRows] = parseCsv(await requests.text());
    const customer = requestHeader?.indexOf('customer') ?? -1;
    expect(requestRows.map((row) => row[customer])).toEqual([
      `'@Acme, "Widgets"\nLtd`,
      `'@Acme, "Widgets"\nLtd`,
    ]);

    const empty = await fetch(exportUrl(harness, 'what=kpis&from=2020-01-01&to=2020-01-31'), {
      headers: auth,
    });
    expect(empty.status).toBe(200);
    expect(await empty.text()).toBe(
      'month,region,submitted,booked,approval_sla_met,approval_sla_breached,median_approval_business_hours\r\n',
    );
  });
});
