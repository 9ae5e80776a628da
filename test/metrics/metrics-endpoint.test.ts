// GET /metrics through the real app: a booking (a command and a modal submission acked), Slack
// answering 429 and then a permanent error for the status card, the SLA clocks running towards and
// past their target — and Prometheus sees each of them.

import { describe, expect, it } from 'vitest';
import { createBookingDesk } from '../../src/booking-desk.ts';
import { createLogger } from '../../src/logger.ts';
import { ShiftedClock } from '../../src/system-clock.ts';
import { createTestDatabase } from '../support/database.ts';
import { aDeskConfig, PEOPLE } from '../support/desk-config.ts';
import { type DeskHarness, eventually, SIGNING_SECRET, startEmulator } from '../support/desk-harness.ts';
import { bookThroughSlack, waitForMessages } from '../support/flows.ts';
import { intakeValues } from '../support/intake-values.ts';
import { useDesk } from '../support/use-desk.ts';

const rep = PEOPLE.rep.id;

async function scrape(harness: DeskHarness): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(harness.appUrl.replace('/slack/events', '/metrics'));
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

/** The value of one sample, e.g. `booking_desk_outbox_pending` or `x{a="b"}`; null when absent. */
function sample(text: string, series: string): number | null {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? null : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  const start = useDesk();

  it('shows ack latency, Slack errors and 429s, the outbox, SLA risk per region and job runs', async () => {
    const harness = await start();
    const { emulator, database } = harness;
    const clock = harness.clock as ShiftedClock;
    // The card is rate limited once, then refused for good; the DM goes through.
    emulator.fault('chat.postMessage', { status: 429, retryAfter: 1 });
    emulator.fault('chat.postMessage', { error: 'channel_not_found' });
    await bookThroughSlack(emulator);
    await waitForMessages(() => emulator.dmWith(rep), 1, 'the DM');
    await eventually(
      () =>
        database.prisma.outboxMessage.findFirst({ where: { kind: 'status_card.post', status: 'failed' } }),
      'the card given up',
    );

    const first = await scrape(harness);
    expect(first.status).toBe(200);
    expect(first.type).toContain('text/plain');
    const { text } = first;
    // One /book and one intake submission, each acked well within Slack's 3 seconds.
    expect(sample(text, 'booking_desk_ack_seconds_count{surface="command"}')).toBe(1);
    expect(sample(text, 'booking_desk_ack_seconds_count{surface="view_submission"}')).toBe(1);
    expect(sample(text, 'booking_desk_ack_seconds_bucket{le="3",surface="view_submission"}')).toBe(1);
    expect(sample(text, 'booking_desk_slack_rate_limited_total{method="chat.postMessage"}')).toBe(1);
    expect(
      sample(text, 'booking_desk_slack_api_errors_total{method="chat.postMessage",code="channel_not_found"}'),
    ).toBe(1);
    expect(sample(text, 'booking_desk_outbox_failed_total{kind="status_card.post"}')).toBe(1);
    // Nothing left to send; the clocks have just started.
    expect(sample(text, 'booking_desk_outbox_pending')).toBe(0);
    expect(sample(text, 'booking_desk_outbox_oldest_pending_seconds')).toBe(0);
    expect(sample(text, 'booking_desk_sla_at_risk{region="EMEA",kind="approval"}')).toBe(0);
    expect(sample(text, 'booking_desk_sla_breached{region="EMEA",kind="approval"}')).toBe(0);
    expect(sample(text, 'booking_desk_sla_breached{region="APAC",kind="approval"}')).toBe(0);
    // The process's own metrics are served too.
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');

    // The approval SLA (booked Monday 10:00, due Tuesday 12:00 in EMEA) nearly used up, then past.
    // (Deliveries stop first: the sweep's pings would go to a thread whose card Slack refused.)
    await harness.desk.dispatcher.stop();
    clock.set(new Date('2026-11-24T11:30:00Z'));
    const atRisk = (await scrape(harness)).text;
    expect(sample(atRisk, 'booking_desk_sla_at_risk{region="EMEA",kind="approval"}')).toBe(1);
    expect(sample(atRisk, 'booking_desk_sla_breached{region="EMEA",kind="approval"}')).toBe(0);
    clock.set(new Date('2026-11-25T12:00:00Z'));
    const breached = (await scrape(harness)).text;
    expect(sample(breached, 'booking_desk_sla_at_risk{region="EMEA",kind="approval"}')).toBe(0);
    expect(sample(breached, 'booking_desk_sla_breached{region="EMEA",kind="approval"}')).toBe(1);

    // A sweep run is timed.
    await harness.desk.sla.sweepNow();
    const swept = (await scrape(harness)).text;
    expect(sample(swept, 'booking_desk_job_duration_seconds_count{job="sla_sweep",outcome="ok"}')).toBe(1);
  }, 60_000);

  it('counts what waits in the outbox and for how long', async () => {
    const harness = await start();
    const clock = harness.clock as ShiftedClock;
    // Slack unreachable: the card and the DM stay pending, retried later.
    harness.emulator.fault('chat.postMessage', { status: 503 }, 1000);
    await bookThroughSlack(harness.emulator, intakeValues());
    await eventually(() => harness.emulator.callsTo('chat.postMessage').length > 0, 'a delivery attempt');
    await harness.desk.dispatcher.stop();
    clock.advanceMinutes(10);
    const { text } = await scrape(harness);
    expect(sample(text, 'booking_desk_outbox_pending')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'booking_desk_outbox_oldest_pending_seconds')).toBeGreaterThanOrEqual(600);
    expect(
      sample(text, 'booking_desk_slack_api_errors_total{method="chat.postMessage",code="http_503"}'),
    ).toBeGreaterThanOrEqual(1);
    harness.emulator.clearFaults();
  }, 60_000);

  it('is not served with METRICS_ENABLED=false', async () => {
    const emulator = await startEmulator();
    const database = await createTestDatabase();
    const desk = createBookingDesk({
      env: {
        SLACK_BOT_TOKEN: emulator.botToken,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_APP_TOKEN: undefined,
        SLACK_API_URL: emulator.apiUrl,
        PORT: 0,
        LOG_LEVEL: 'error',
        ADMIN_TOKEN: undefined,
        METRICS_ENABLED: false,
      },
      deskConfig: aDeskConfig(),
      scheduleSlaSweep: false,
      database,
      clock: new ShiftedClock(new Date('2026-11-23T10:00:00Z')),
      logger: createLogger('silent'),
    });
    try {
      const { port } = await desk.start();
      const metrics = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(metrics.status).toBe(404);
      await metrics.body?.cancel();
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      await desk.stop();
      await emulator.close();
      await database.close();
    }
  });
});
