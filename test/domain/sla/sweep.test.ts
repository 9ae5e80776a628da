// The sweep of one clock: breach recorded at the due instant, every alert step once at its minute,
// pings held to support hours (except in period-end windows), downtime collapsed, repeats.

import { describe, expect, it } from 'vitest';
import type { Region } from '../../../src/domain/regions.ts';
import {
  pauseClock,
  resumeClock,
  type SlaClock,
  stopClock,
  sweepClock,
} from '../../../src/domain/sla/index.ts';
import { at, calendars, clockFrom, describeAlert, MINUTE, policy, runLife, wall } from './support.ts';

const emea = calendars.EMEA;

function sweepAt(clock: SlaClock, region: Region, when: string) {
  const result = sweepClock(calendars[region], clock, at(region, when));
  return { ...result, lines: result.alerts.map(describeAlert) };
}

/** The alert line for a local time in London. */
const line = (when: string, what: string) => `${at('EMEA', when).toISOString()} ${what}`;

describe('a whole SLA life swept minute by minute', () => {
  // Submitted Friday 13 March 2026 16:45 London: runs from Monday 08:00, due Tuesday 11:00.
  const submitted = at('EMEA', '2026-03-13T16:45');
  const clock = () => clockFrom(emea, submitted);
  const from = submitted.getTime();
  const to = at('EMEA', '2026-03-18T17:00').getTime();
  const expected = [
    line('2026-03-16T14:00', 'reminder 50%'),
    // 75% lands on Monday's 17:00 close: it waits for Tuesday's opening
    line('2026-03-17T08:00', 'reminder 75%'),
    line('2026-03-17T11:00', 'level 1'),
    line('2026-03-17T13:00', 'level 2'),
    line('2026-03-17T15:00', 'level 3'),
  ];

  it('fires each reminder and level exactly once at its minute, and records the breach at the due time', () => {
    const life = runLife(emea, clock(), [], from, to, 'every');
    expect(life.alerts).toEqual(expected);
    expect(life.breaches).toEqual([at('EMEA', '2026-03-17T11:00').toISOString()]);
    expect(wall('EMEA', life.clock.breachedAt)).toBe('2026-03-17T11:00:00.000+00:00');
    expect(life.clock).toMatchObject({ alertsFired: 5, nextCheckAt: null, status: 'running' });
  });

  it('a loop that sweeps only when nextCheckAt has come sends the same, in six sweeps', () => {
    const life = runLife(emea, clock(), [], from, to, 'due');
    expect(life.alerts).toEqual(expected);
    expect(life.breaches).toEqual([at('EMEA', '2026-03-17T11:00').toISOString()]);
    // 14:00, 17:00 (deferred), 08:00, 11:00, 13:00, 15:00
    expect(life.sweeps).toBe(6);
  });

  it('over Easter and the DST change in Sydney, both loops agree', () => {
    const sydney = calendars.APAC;
    const start = at('APAC', '2026-04-02T16:00');
    const end = at('APAC', '2026-04-09T17:00').getTime();
    const every = runLife(sydney, clockFrom(sydney, start), [], start.getTime(), end, 'every');
    const due = runLife(sydney, clockFrom(sydney, start), [], start.getTime(), end, 'due');
    expect(due.alerts).toEqual(every.alerts);
    const apac = (when: string, what: string) => `${at('APAC', when).toISOString()} ${what}`;
    expect(every.alerts).toEqual([
      // 360 minutes: 60 on Thursday, 300 on Tuesday 7 April
      apac('2026-04-07T13:00', 'reminder 50%'),
      apac('2026-04-07T16:00', 'reminder 75%'),
      apac('2026-04-08T10:00', 'level 1'),
      apac('2026-04-08T12:00', 'level 2'),
      apac('2026-04-08T14:00', 'level 3'),
    ]);
  });
});

describe('support hours', () => {
  it('a breach at the 17:00 close is recorded then, and delivered at the next opening (Monday)', () => {
    const clock = clockFrom(emea, at('EMEA', '2026-06-12T08:00'), {
      targetMinutes: 540,
      policy: policy({ reminders: [] }),
    });
    expect(wall('EMEA', clock.dueAt)).toBe('2026-06-12T17:00:00.000+01:00');
    const closing = sweepAt(clock, 'EMEA', '2026-06-12T17:00');
    expect(closing).toMatchObject({ newlyBreached: true, deferred: true, alerts: [] });
    expect(wall('EMEA', closing.clock.breachedAt)).toBe('2026-06-12T17:00:00.000+01:00');
    expect(wall('EMEA', closing.clock.nextCheckAt)).toBe('2026-06-15T08:00:00.000+01:00');
    expect(closing.clock.alertsFired).toBe(0);

    // a sweep in the night changes nothing
    const night = sweepAt(closing.clock, 'EMEA', '2026-06-13T03:00');
    expect(night).toMatchObject({ newlyBreached: false, deferred: true, alerts: [] });
    expect(wall('EMEA', night.clock.nextCheckAt)).toBe('2026-06-15T08:00:00.000+01:00');

    const monday = sweepAt(night.clock, 'EMEA', '2026-06-15T08:00');
    expect(monday).toMatchObject({ newlyBreached: false, deferred: false });
    expect(monday.lines).toEqual([line('2026-06-15T08:00', 'level 1')]);
    expect(wall('EMEA', monday.clock.nextCheckAt)).toBe('2026-06-15T10:00:00.000+01:00');
    expect(wall('EMEA', monday.clock.breachedAt)).toBe('2026-06-12T17:00:00.000+01:00');
  });

  it('in a period-end window a breach at the extended 20:00 close goes out at once', () => {
    // 29 December 2026 is a year-end window day (07:00–20:00), and not the window's last.
    const clock = clockFrom(emea, at('EMEA', '2026-12-29T07:00'), {
      targetMinutes: 780,
      policy: policy({ reminders: [] }),
    });
    const result = sweepAt(clock, 'EMEA', '2026-12-29T20:00');
    expect(result).toMatchObject({ newlyBreached: true, deferred: false });
    expect(result.lines).toEqual([line('2026-12-29T20:00', 'level 1')]);
  });

  it('in a period-end window a sweep after downtime pings on a holiday night', () => {
    // Due Thursday 24 December 20:00; the sweep next runs on Saturday 26 December at 03:00, which is
    // still inside the window (it runs until 31 December 20:00).
    const clock = clockFrom(emea, at('EMEA', '2026-12-24T07:00'), {
      targetMinutes: 780,
      policy: policy({ reminders: [] }),
    });
    const result = sweepAt(clock, 'EMEA', '2026-12-26T03:00');
    expect(emea.isOpen(at('EMEA', '2026-12-26T03:00'))).toBe(false);
    expect(result).toMatchObject({ newlyBreached: true, deferred: false });
    expect(wall('EMEA', result.clock.breachedAt)).toBe('2026-12-24T20:00:00.000+00:00');
    expect(result.lines).toEqual([line('2026-12-26T03:00', 'level 1')]);
  });

  it('in a period-end window a clock resumed after the close with a reminder already reached pings at once', () => {
    // 29 December 2026 07:00–20:00. 50% of 60 minutes is reached at 07:30; paused in the same minute
    // before any sweep, resumed at 21:00 (closed, still in the window): the reminder goes out then,
    // in both loops, not at the next morning's opening.
    const clock = clockFrom(emea, at('EMEA', '2026-12-29T07:00'), {
      targetMinutes: 60,
      applyCutoff: false,
      policy: policy({ reminders: [50] }),
    });
    const paused = pauseClock(emea, clock, at('EMEA', '2026-12-29T07:30'));
    const resumed = resumeClock(emea, paused, at('EMEA', '2026-12-29T21:00'));
    expect(wall('EMEA', resumed.nextCheckAt)).toBe('2026-12-29T21:00:00.000+00:00');
    const from = at('EMEA', '2026-12-29T21:00').getTime();
    const to = from + 120 * MINUTE;
    for (const mode of ['every', 'due'] as const) {
      expect(runLife(emea, resumed, [], from, to, mode).alerts).toEqual([
        line('2026-12-29T21:00', 'reminder 50%'),
      ]);
    }
  });

  it('at the close of the window’s last day the pings wait for the next opening', () => {
    const clock = clockFrom(emea, at('EMEA', '2026-12-31T07:00'), {
      targetMinutes: 780,
      policy: policy({ reminders: [] }),
    });
    const result = sweepAt(clock, 'EMEA', '2026-12-31T20:00');
    expect(result).toMatchObject({ newlyBreached: true, deferred: true, alerts: [] });
    expect(wall('EMEA', result.clock.nextCheckAt)).toBe('2027-01-04T08:00:00.000+00:00');
  });
});

describe('after downtime several steps are due at once', () => {
  const clock = () => clockFrom(emea, at('EMEA', '2026-03-16T08:00')); // due Tuesday 11:00

  it('sends only the latest reminder', () => {
    const result = sweepAt(clock(), 'EMEA', '2026-03-17T10:00');
    expect(result.lines).toEqual([line('2026-03-17T10:00', 'reminder 75%')]);
    expect(result.clock.alertsFired).toBe(2);
    expect(result.newlyBreached).toBe(false);
    expect(wall('EMEA', result.clock.nextCheckAt)).toBe('2026-03-17T11:00:00.000+00:00');
  });

  it('sends every level and no reminder once escalating, and records the breach at the due time', () => {
    const result = sweepAt(clock(), 'EMEA', '2026-03-17T16:00');
    expect(result.lines).toEqual([
      line('2026-03-17T16:00', 'level 1'),
      line('2026-03-17T16:00', 'level 2'),
      line('2026-03-17T16:00', 'level 3'),
    ]);
    expect(result.alerts.map((alert) => (alert.type === 'escalation' ? alert.notify : null))).toEqual([
      ['step_owner', 'role_group'],
      ['role_lead'],
      ['desk_lead'],
    ]);
    expect(result.newlyBreached).toBe(true);
    expect(wall('EMEA', result.clock.breachedAt)).toBe('2026-03-17T11:00:00.000+00:00');
    expect(result.clock).toMatchObject({ alertsFired: 5, nextCheckAt: null });
  });

  it('sends only the latest repeat', () => {
    const repeating = clockFrom(emea, at('EMEA', '2026-03-16T08:00'), {
      policy: policy({ repeatEveryBusinessMinutes: 60 }),
    });
    const first = sweepAt(repeating, 'EMEA', '2026-03-17T15:30');
    expect(first.lines).toEqual([
      line('2026-03-17T15:30', 'level 1'),
      line('2026-03-17T15:30', 'level 2'),
      line('2026-03-17T15:30', 'level 3'),
    ]);
    expect(wall('EMEA', first.clock.nextCheckAt)).toBe('2026-03-17T16:00:00.000+00:00');
    // repeats at 16:00, 17:00 (close) and Wednesday 09:00 are all due on Wednesday at 09:30
    const later = sweepAt(first.clock, 'EMEA', '2026-03-18T09:30');
    expect(later.lines).toEqual([line('2026-03-18T09:30', 'level 3 repeat 3')]);
    expect(later.clock.alertsFired).toBe(8);
    expect(wall('EMEA', later.clock.nextCheckAt)).toBe('2026-03-18T10:00:00.000+00:00');
  });

  it('a single-minute SLA reaches reminders and level 1 together: only the level is sent', () => {
    const tiny = clockFrom(emea, at('EMEA', '2026-03-16T09:00'), { targetMinutes: 1 });
    const result = sweepAt(tiny, 'EMEA', '2026-03-16T09:01');
    expect(result.lines).toEqual([line('2026-03-16T09:01', 'level 1')]);
    expect(result.clock.alertsFired).toBe(3);
  });
});

describe('repeats', () => {
  it('repeat the last level every hour of business time, holding the one due at the close', () => {
    const clock = clockFrom(emea, at('EMEA', '2026-03-16T08:00'), {
      policy: policy({ reminders: [], repeatEveryBusinessMinutes: 60 }),
    });
    const from = at('EMEA', '2026-03-16T08:00').getTime();
    const to = at('EMEA', '2026-03-18T11:00').getTime();
    const every = runLife(emea, clock, [], from, to, 'every');
    const due = runLife(emea, clock, [], from, to, 'due');
    expect(due.alerts).toEqual(every.alerts);
    expect(every.alerts).toEqual([
      line('2026-03-17T11:00', 'level 1'),
      line('2026-03-17T13:00', 'level 2'),
      line('2026-03-17T15:00', 'level 3'),
      line('2026-03-17T16:00', 'level 3 repeat 1'),
      line('2026-03-18T08:00', 'level 3 repeat 2'),
      line('2026-03-18T09:00', 'level 3 repeat 3'),
      line('2026-03-18T10:00', 'level 3 repeat 4'),
      line('2026-03-18T11:00', 'level 3 repeat 5'),
    ]);
    expect(every.clock.nextCheckAt).not.toBeNull();
  });
});

describe('paused and stopped clocks', () => {
  it('a paused clock never fires and has no next check; after resuming it counts what it used', () => {
    const start = at('EMEA', '2026-03-16T08:00');
    const clock = clockFrom(emea, start);
    const from = start.getTime();
    const to = at('EMEA', '2026-03-20T17:00').getTime();
    const events = [
      { at: at('EMEA', '2026-03-16T13:00').getTime(), type: 'pause' as const },
      { at: at('EMEA', '2026-03-19T09:00').getTime(), type: 'resume' as const },
    ];
    const every = runLife(emea, clock, events, from, to, 'every');
    expect(every.alerts).toEqual([
      line('2026-03-19T10:00', 'reminder 50%'), // 300 before the pause, 60 after
      line('2026-03-19T13:00', 'reminder 75%'),
      line('2026-03-19T16:00', 'level 1'),
      line('2026-03-20T09:00', 'level 2'),
      line('2026-03-20T11:00', 'level 3'),
    ]);
    expect(runLife(emea, clock, events, from, to, 'due').alerts).toEqual(every.alerts);

    const paused = pauseClock(emea, clock, at('EMEA', '2026-03-16T13:00'));
    for (const when of ['2026-03-16T13:00', '2026-03-17T16:00', '2026-03-30T12:00']) {
      const result = sweepAt(paused, 'EMEA', when);
      expect(result).toMatchObject({ alerts: [], newlyBreached: false, deferred: false });
      expect(result.clock.nextCheckAt).toBeNull();
      expect(result.clock.alertsFired).toBe(0);
    }
    const resumed = resumeClock(emea, paused, at('EMEA', '2026-03-19T09:00'));
    expect(wall('EMEA', resumed.nextCheckAt)).toBe('2026-03-19T10:00:00.000+00:00');
  });

  it('a clock paused exactly at its due time and resumed at night breaches at the next opening', () => {
    // Due Monday 17:00 (540 minutes from 08:00), paused at that instant, resumed at 18:00.
    const clock = clockFrom(emea, at('EMEA', '2026-03-16T08:00'), {
      targetMinutes: 540,
      policy: policy({ reminders: [] }),
    });
    const paused = pauseClock(emea, clock, at('EMEA', '2026-03-16T17:00'));
    const resumed = resumeClock(emea, paused, at('EMEA', '2026-03-16T18:00'));
    expect(wall('EMEA', resumed.nextCheckAt)).toBe('2026-03-17T08:00:00.000+00:00');
    const evening = sweepAt(resumed, 'EMEA', '2026-03-16T18:00');
    expect(evening).toMatchObject({ newlyBreached: false, deferred: true, alerts: [] });
    expect(evening.clock.breachedAt).toBeNull();
    const morning = sweepAt(evening.clock, 'EMEA', '2026-03-17T08:00');
    expect(morning.newlyBreached).toBe(true);
    expect(wall('EMEA', morning.clock.breachedAt)).toBe('2026-03-17T08:00:00.000+00:00');
    expect(morning.lines).toEqual([line('2026-03-17T08:00', 'level 1')]);
  });

  it('a stopped clock never fires, even long overdue', () => {
    const stopped = stopClock(
      emea,
      clockFrom(emea, at('EMEA', '2026-03-16T08:00')),
      at('EMEA', '2026-03-16T09:00'),
    );
    const result = sweepAt(stopped, 'EMEA', '2026-04-01T12:00');
    expect(result).toMatchObject({ alerts: [], newlyBreached: false, deferred: false });
    expect(result.clock.nextCheckAt).toBeNull();
  });

  it('a sweep before anything is due changes nothing but keeps the next check', () => {
    const clock = clockFrom(emea, at('EMEA', '2026-03-16T08:00'));
    const result = sweepAt(clock, 'EMEA', '2026-03-16T13:59');
    expect(result.clock).toEqual(clock);
    expect(result).toMatchObject({ alerts: [], newlyBreached: false, deferred: false });
  });

  it('nextCheckAt is after every swept minute, and null only once nothing can happen', () => {
    const clock = clockFrom(emea, at('EMEA', '2026-03-16T08:00'), { targetMinutes: 30 });
    let current = clock;
    for (
      let t = at('EMEA', '2026-03-16T08:00').getTime();
      t < at('EMEA', '2026-03-16T17:00').getTime();
      t += MINUTE
    ) {
      current = sweepClock(emea, current, new Date(t)).clock;
      if (current.nextCheckAt !== null) expect(current.nextCheckAt.getTime()).toBeGreaterThan(t);
    }
    // 30 + 240 minutes: the last level fired at 12:30, after which nothing can happen
    expect(current).toMatchObject({ alertsFired: 5, nextCheckAt: null });
  });
});
