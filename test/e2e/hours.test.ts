// `/book hours` at chosen instants: which regions are open, when the closed ones open (in their own
// local time), today's hours and holidays, period-end windows, and coverage marked for today.

import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.ts';
import { mrkdwnTexts } from '../support/block-text.ts';
import { pgliteTemplate } from '../support/database.ts';
import { DESK_CHANNEL, PEOPLE } from '../support/desk-config.ts';
import { type DeskHarness, eventually } from '../support/desk-harness.ts';
import { useDesk } from '../support/use-desk.ts';

/** Friday 20 November 2026, 16:45 in London (GMT): 03:45 on Saturday in Sydney, 08:45 in Los Angeles. */
const FRIDAY_AFTERNOON_LONDON = new Date('2026-11-20T16:45:00Z');
/** Monday 30 November 2026, 10:00 in London: the last day of the November month-end window. */
const MONTH_END_MONDAY = new Date('2026-11-30T10:00:00Z');
/** Thursday 26 November 2026 (Thanksgiving), 10:00 in Los Angeles. */
const THANKSGIVING_MORNING_LA = new Date('2026-11-26T18:00:00Z');

async function slash(harness: DeskHarness, userId: string, text: string) {
  const before = harness.emulator.ephemeralsFor(userId).length;
  const ack = await harness.emulator.slashCommand({
    userId,
    command: '/book',
    text,
    channelId: DESK_CHANNEL,
  });
  expect(ack.status).toBe(200);
  return eventually(() => harness.emulator.ephemeralsFor(userId)[before], `the answer to /book ${text}`);
}

async function hours(harness: DeskHarness, userId: string = PEOPLE.rep.id) {
  const message = await slash(harness, userId, 'hours');
  const sections = mrkdwnTexts(message.blocks ?? []);
  const region = (name: string) => sections.find((text) => text.startsWith(`*${name}*`)) ?? '';
  return { text: message.text, region };
}

describe('/book hours', () => {
  const clock = new ManualClock(FRIDAY_AFTERNOON_LONDON);
  const start = useDesk(() => ({ clock }));
  // Load the migrated database template before the first test's clock starts.
  beforeAll(() => pgliteTemplate().then(() => undefined));

  it('shows each region now: open until its close, or closed with its next opening in its own time', async () => {
    clock.set(FRIDAY_AFTERNOON_LONDON);
    const harness = await start();
    const answer = await hours(harness);

    expect(answer.text).toContain('EMEA open until 17:00');
    expect(answer.text).toContain('APAC closed — opens Mon 08:00');
    expect(answer.region('EMEA')).toContain('Europe/London · Fri 20 Nov 16:45');
    expect(answer.region('EMEA')).toContain('*Open* until 17:00');
    expect(answer.region('EMEA')).toContain('Today 08:00–17:00 · same-day cut-off 16:30 · no holiday');
    expect(answer.region('EMEA')).toContain('Period end: none');
    expect(answer.region('EMEA')).toContain('Coverage: normal');
    // Monday 08:00 in Sydney is Sunday 21:00 UTC: 2 days 4 hours 15 minutes away.
    expect(answer.region('APAC')).toContain('Australia/Sydney · Sat 21 Nov 03:45');
    expect(answer.region('APAC')).toContain('*Closed* — opens Mon 08:00 (in 2 d 4 h)');
    expect(answer.region('APAC')).toContain('Closed today (not a working day)');
    expect(answer.region('AMER')).toContain('America/Los_Angeles · Fri 20 Nov 08:45');
    expect(answer.region('AMER')).toContain('*Open* until 17:00');

    clock.set(new Date('2026-11-20T17:05:00Z'));
    const later = await hours(harness);
    expect(later.region('EMEA')).toContain('*Closed* — opens Mon 08:00 (in 2 d 14 h)');
    clock.set(new Date('2026-11-23T05:50:00Z'));
    const monday = await hours(harness);
    expect(monday.region('EMEA')).toContain('*Closed* — opens 08:00 (in 2 h 10 m)');
  });

  it('shows the month-end window (extended hours, no cut-off) and a public holiday', async () => {
    clock.set(MONTH_END_MONDAY);
    const harness = await start();
    const monthEnd = await hours(harness);
    expect(monthEnd.region('EMEA')).toContain('*Open* until 20:00');
    expect(monthEnd.region('EMEA')).toContain('Today 07:00–20:00 · no cut-off (period end)');
    expect(monthEnd.region('EMEA')).toContain(':calendar: month-end window until 20:00');
    // 21:00 in Sydney: its window closed at 20:00.
    expect(monthEnd.region('APAC')).toContain('*Closed* — opens Tue 08:00 (in 11 h)');
    expect(monthEnd.region('APAC')).toContain('Period end: none');
    // 02:00 in Los Angeles, inside a window that began last week: it opens early, at 07:00.
    expect(monthEnd.region('AMER')).toContain('*Closed* — opens 07:00 (in 5 h)');
    expect(monthEnd.region('AMER')).toContain(':calendar: month-end window until 20:00');

    clock.set(THANKSGIVING_MORNING_LA);
    const thanksgiving = await hours(harness);
    expect(thanksgiving.region('AMER')).toContain('Closed today · holiday: Thanksgiving Day');
    expect(thanksgiving.region('AMER')).toContain('*Closed* — opens Fri 07:00 (in 21 h)');
    expect(thanksgiving.region('AMER')).toContain(':calendar: month-end window until Mon 20:00');
    expect(thanksgiving.region('EMEA')).toContain('*Open* until 20:00');
  });

  it('shows what a desk admin marked short-staffed for today', async () => {
    clock.set(FRIDAY_AFTERNOON_LONDON);
    const harness = await start();
    const marked = await slash(harness, PEOPLE.lead.id, 'coverage emea 2026-11-20 billing Two out <sick>');
    expect(marked.text).toContain('Marked EMEA on Fri 20 Nov 2026 (Billing) short-staffed');
    const answer = await hours(harness);
    expect(answer.region('EMEA')).toContain(':warning: Short-staffed today: Billing (Two out &lt;sick&gt;)');
    expect(answer.region('APAC')).toContain('Coverage: normal');
  });
});
