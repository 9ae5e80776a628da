import { describe, expect, it } from 'vitest';
import type { ShortStaffedMark } from '../../../src/app/coverage.ts';
import { defaultRegionCalendars } from '../../../src/domain/calendar/index.ts';
import { REGIONS } from '../../../src/domain/regions.ts';
import { clearAnswer, coveredBy, markAnswer } from '../../../src/slack/views/coverage-answers.ts';
import { coverageList } from '../../../src/slack/views/coverage-list.ts';
import { durationUntil, hoursMessage, type RegionHours } from '../../../src/slack/views/hours.ts';
import { expectValidMessage, HOSTILE, HOSTILE_ESCAPED, mrkdwn } from './support.ts';

const calendars = defaultRegionCalendars();

function aMark(overrides: Partial<ShortStaffedMark> = {}): ShortStaffedMark {
  return {
    region: 'EMEA',
    date: '2026-11-25',
    role: 'billing',
    reason: 'Two out sick',
    markedBy: 'U0LEAD',
    markedAt: new Date('2026-11-23T10:00:00Z'),
    ...overrides,
  };
}

function regionHours(now: Date, overrides: Partial<RegionHours> = {}): RegionHours[] {
  return REGIONS.map((region) => {
    const calendar = calendars[region];
    const today = calendar.day(calendar.localDate(now));
    const open = calendar.isOpen(now);
    return {
      region,
      timeZone: calendar.config.timeZone,
      open,
      closes: open ? today.closes : null,
      nextOpening: calendar.nextOpening(now),
      today,
      periodEnd: calendar.periodEndStatus(now),
      marks: [],
      covering: [],
      ...overrides,
    };
  });
}

describe('the hours message', () => {
  it('is valid Block Kit with one section per region, user text escaped', () => {
    const now = new Date('2026-11-27T10:00:00Z');
    const message = hoursMessage(
      now,
      regionHours(now, {
        marks: [aMark({ reason: HOSTILE, role: '*' })],
        covering: [{ role: 'billing', backup: 'APAC', reason: 'period_end' }],
      }),
    );
    expectValidMessage(message);
    expect(message.blocks).toHaveLength(1 + REGIONS.length);
    const text = mrkdwn(message.blocks);
    expect(text).toContain(`Short-staffed today: every role (${HOSTILE_ESCAPED}`);
    expect(text).toContain('Backups covering now: Billing by APAC');
    expect(text).toContain(':calendar: month-end window until Mon 20:00');
    expect(text).not.toContain('<!channel>');
  });

  it('says how long until an opening, rounded up to the minute', () => {
    const now = new Date('2026-11-23T05:50:00Z');
    expect(durationUntil(now, new Date('2026-11-23T08:00:00Z'))).toBe('2 h 10 m');
    expect(durationUntil(now, new Date('2026-11-23T06:50:00Z'))).toBe('1 h');
    expect(durationUntil(now, new Date('2026-11-23T05:50:01Z'))).toBe('1 m');
    expect(durationUntil(now, new Date('2026-11-25T08:00:00Z'))).toBe('2 d 2 h');
  });
});

describe('the coverage list', () => {
  const backups = {
    APAC: {},
    EMEA: { billing: 'APAC' },
    AMER: {},
    LATAM: { order_management: 'AMER' },
  } as const;

  it('lists backups per region and the marks, escaped, within Block Kit limits', () => {
    const marks = Array.from({ length: 200 }, (_, index) =>
      aMark({ date: `2027-0${1 + (index % 9)}-1${index % 10}`, reason: `${HOSTILE} ${'x'.repeat(150)}` }),
    );
    const message = coverageList({ backups, marks });
    expectValidMessage(message);
    const text = mrkdwn(message.blocks);
    expect(text).toContain('*EMEA* · Billing ← APAC');
    expect(text).toContain('*LATAM* · Order management ← AMER');
    expect(text).toContain('*APAC* · _no backups_');
    expect(text).toContain(HOSTILE_ESCAPED);
    expect(text).toContain('more_');
  });

  it('says when nothing is marked', () => {
    const message = coverageList({ backups, marks: [] });
    expectValidMessage(message);
    expect(mrkdwn(message.blocks)).toContain('No dates from today on');
  });
});

describe('coverage answers', () => {
  const target = { region: 'EMEA', date: '2026-11-25', role: 'billing' } as const;

  it('says who covers after a mark, and what has no backup', () => {
    expect(markAnswer({ ok: true, mark: aMark() }, target, { billing: 'APAC' })).toBe(
      ':white_check_mark: Marked EMEA on Wed 25 Nov 2026 (Billing) short-staffed — Two out sick.\n' +
        "Covering: Billing APAC — they are mentioned on EMEA's steps and may act on them that day.",
    );
    expect(coveredBy('*', 'EMEA', { billing: 'APAC' })).toContain('3 other roles have no backup.');
    expect(coveredBy('billing', 'EMEA', {})).toContain('No backup region is configured for Billing in EMEA');
  });

  it('escapes the reason and explains every refusal', () => {
    expect(markAnswer({ ok: true, mark: aMark({ reason: HOSTILE }) }, target, {})).toContain(HOSTILE_ESCAPED);
    expect(markAnswer({ ok: false, reason: 'not_desk_admin' }, target, {})).toContain('Only desk admins');
    expect(markAnswer({ ok: false, reason: 'in_the_past', today: '2026-11-26' }, target, {})).toContain(
      'Wed 25 Nov 2026 is in the past in EMEA (today there is 2026-11-26)',
    );
    expect(markAnswer({ ok: false, reason: 'too_far_ahead', latest: '2027-11-23' }, target, {})).toContain(
      'Mark dates up to 2027-11-23',
    );
    expect(clearAnswer({ ok: false, reason: 'not_a_date' }, { ...target, date: '2026-02-30' })).toContain(
      '`2026-02-30` is not a real date',
    );
    expect(clearAnswer({ ok: false, reason: 'not_marked' }, target)).toContain('nothing to clear');
  });
});

describe('the next opening', () => {
  it('names the date when it is a week or more away', () => {
    // A desk closed from Christmas to the new year (desk holidays).
    const now = new Date('2026-12-24T18:00:00Z');
    const [emea] = regionHours(now).filter((hours) => hours.region === 'EMEA');
    const message = hoursMessage(now, [
      { ...emea!, open: false, nextOpening: new Date('2027-01-04T08:00:00Z') },
    ]);
    expect(mrkdwn(message.blocks)).toContain('opens Mon 4 Jan 08:00 (in 10 d 14 h)');
  });
});
