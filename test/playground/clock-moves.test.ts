// The clock control's moves land where a person expects, in the region's own calendar, and only
// forward; each region's wall clock and open/closed status is what `/book hours` would say.

import { describe, expect, it } from 'vitest';
import { deskCalendars } from '../../src/config/desk-config.ts';
import { type ClockMove, ClockMoveSchema, regionTimes, targetOf } from '../../src/playground/clock-moves.ts';
import { playgroundDeskConfig } from '../../src/playground/desk-config.ts';

const calendars = deskCalendars(playgroundDeskConfig());
const utc = (iso: string) => new Date(`${iso}Z`);
const land = (move: ClockMove, from: string) => targetOf(move, utc(from), calendars).toISOString();

describe('clock moves', () => {
  it('+1 business hour counts the region’s open hours only', () => {
    const hour: ClockMove = { kind: 'business-hour', region: 'EMEA' };
    // Monday 23 November 2026, London (GMT).
    expect(land(hour, '2026-11-23T09:30:00')).toBe('2026-11-23T10:30:00.000Z');
    expect(land(hour, '2026-11-23T16:30:00')).toBe('2026-11-24T08:30:00.000Z');
    // Saturday: the hour starts at Monday's opening.
    expect(land(hour, '2026-11-21T12:00:00')).toBe('2026-11-23T09:00:00.000Z');
    // Sydney (UTC+11 in November) opens at 08:00 local = 21:00 UTC the day before.
    expect(land({ kind: 'business-hour', region: 'APAC' }, '2026-11-23T09:30:00')).toBe(
      '2026-11-23T22:00:00.000Z',
    );
  });

  it('next opening is tomorrow’s when the desk is open, the coming one when it is closed', () => {
    const next: ClockMove = { kind: 'next-opening', region: 'EMEA' };
    expect(land(next, '2026-11-23T10:00:00')).toBe('2026-11-24T08:00:00.000Z');
    expect(land(next, '2026-11-23T06:00:00')).toBe('2026-11-23T08:00:00.000Z');
    expect(land(next, '2026-11-27T18:00:00')).toBe('2026-11-30T07:00:00.000Z'); // month-end window: 07:00
  });

  it('to HH:mm is the next time the region’s clock shows it', () => {
    const to = (region: 'EMEA' | 'AMER', time: string): ClockMove => ({ kind: 'to-time', region, time });
    expect(land(to('EMEA', '16:45'), '2026-11-23T10:00:00')).toBe('2026-11-23T16:45:00.000Z');
    expect(land(to('EMEA', '16:45'), '2026-11-23T17:00:00')).toBe('2026-11-24T16:45:00.000Z');
    expect(land(to('EMEA', '10:00'), '2026-11-23T10:00:00')).toBe('2026-11-24T10:00:00.000Z');
    // Los Angeles is UTC-8 in November.
    expect(land(to('AMER', '09:00'), '2026-11-23T10:00:00')).toBe('2026-11-23T17:00:00.000Z');
  });

  it('+1 day and minutes are wall-clock time', () => {
    expect(land({ kind: 'day' }, '2026-11-23T10:00:00')).toBe('2026-11-24T10:00:00.000Z');
    expect(land({ kind: 'minutes', minutes: 90 }, '2026-11-23T10:00:00')).toBe('2026-11-23T11:30:00.000Z');
  });

  it('refuses moves the page could get wrong, with a message that says why', () => {
    const problem = (value: unknown) => {
      const parsed = ClockMoveSchema.safeParse(value);
      return parsed.success ? null : parsed.error.issues[0]?.message;
    };
    expect(problem({ kind: 'business-hour', region: 'MARS' })).toContain('APAC, EMEA, AMER, LATAM');
    expect(problem({ kind: 'to-time', region: 'EMEA', time: '25:00' })).toContain('HH:mm');
    expect(problem({ kind: 'minutes', minutes: 0 })).toBeTruthy();
    expect(problem({ kind: 'back' })).toContain('kind must be');
    expect(problem({ kind: 'day' })).toBeNull();
  });
});

describe('region times', () => {
  it('shows each region’s wall clock, whether it is open and until when', () => {
    const times = regionTimes(utc('2026-11-23T10:00:00'), calendars);
    expect(times.map((t) => t.region)).toEqual(['APAC', 'EMEA', 'AMER', 'LATAM']);
    const emea = times.find((t) => t.region === 'EMEA')!;
    expect(emea).toMatchObject({
      local: 'Mon 23 Nov 10:00',
      open: true,
      status: 'open until 17:00',
      periodEnd: null,
    });
    const apac = times.find((t) => t.region === 'APAC')!;
    expect(apac).toMatchObject({ open: false, status: 'closed, opens Tue 24 Nov 08:00' });
  });

  it('names the period-end window and a holiday', () => {
    const monthEnd = regionTimes(utc('2026-11-27T10:00:00'), calendars).find((t) => t.region === 'EMEA')!;
    expect(monthEnd.periodEnd).toMatch(/^month-end window until Mon 30 Nov 20:00$/);
    const christmas = regionTimes(utc('2026-12-25T10:00:00'), calendars).find((t) => t.region === 'EMEA')!;
    expect(christmas).toMatchObject({ open: false });
    expect(christmas.holiday).toMatch(/Christmas/);
  });
});
