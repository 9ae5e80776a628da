import { describe, expect, it } from 'vitest';
import { formatSlackDate, renderMrkdwn } from '../../src/transcript/index.ts';

// 1700000000 is 2023-11-14 22:13:20 UTC, which is already Wednesday 15 November in Tokyo.
const AT = '1700000000';
const utc = { timeZone: 'UTC', now: undefined };
const tokyo = { timeZone: 'Asia/Tokyo', now: undefined };

describe('formatSlackDate', () => {
  it.each([
    ['{date_num}', '2023-11-14', '2023-11-15'],
    ['{date}', 'November 14th, 2023', 'November 15th, 2023'],
    ['{date_short}', 'Nov 14, 2023', 'Nov 15, 2023'],
    ['{date_long}', 'Tuesday, November 14th, 2023', 'Wednesday, November 15th, 2023'],
    ['{date_pretty}', 'November 14th, 2023', 'November 15th, 2023'],
    ['{date_short_pretty}', 'Nov 14, 2023', 'Nov 15, 2023'],
    ['{date_long_pretty}', 'Tuesday, November 14th, 2023', 'Wednesday, November 15th, 2023'],
    ['{time}', '10:13 PM', '7:13 AM'],
    ['{time_secs}', '10:13:20 PM', '7:13:20 AM'],
  ])('%s in UTC and Tokyo', (format, inUtc, inTokyo) => {
    expect(formatSlackDate(AT, format, 'fallback', utc)).toBe(inUtc);
    expect(formatSlackDate(AT, format, 'fallback', tokyo)).toBe(inTokyo);
  });

  it('says today / yesterday / tomorrow relative to now, in the reader zone', () => {
    const now = new Date('2023-11-14T23:00:00Z'); // the 14th in UTC, the 15th in Tokyo
    expect(formatSlackDate(AT, '{date_short_pretty} at {time}', '', { timeZone: 'UTC', now })).toBe(
      'today at 10:13 PM',
    );
    expect(formatSlackDate(AT, '{date_pretty}', '', { timeZone: 'Asia/Tokyo', now })).toBe('today');
    const nextDay = new Date('2023-11-15T12:00:00Z');
    expect(formatSlackDate(AT, '{date_long_pretty}', '', { timeZone: 'UTC', now: nextDay })).toBe(
      'yesterday',
    );
    const dayBefore = new Date('2023-11-13T12:00:00Z');
    expect(formatSlackDate(AT, '{date_pretty}', '', { timeZone: 'UTC', now: dayBefore })).toBe('tomorrow');
    const later = new Date('2023-12-01T12:00:00Z');
    expect(formatSlackDate(AT, '{date_short_pretty}', '', { timeZone: 'UTC', now: later })).toBe(
      'Nov 14, 2023',
    );
  });

  it('renders {ago} only when it knows now', () => {
    const now = new Date('2023-11-14T23:13:20Z');
    expect(formatSlackDate(AT, '{ago}', 'fb', { timeZone: 'UTC', now })).toBe('1 hour ago');
    expect(formatSlackDate(AT, '{ago}', 'fb', utc)).toBe('fb');
  });

  it('uses ordinals correctly', () => {
    const days = [
      '2023-11-01',
      '2023-11-02',
      '2023-11-03',
      '2023-11-11',
      '2023-11-12',
      '2023-11-13',
      '2023-11-22',
    ];
    const rendered = days.map((day) =>
      formatSlackDate(String(Date.parse(`${day}T12:00:00Z`) / 1000), '{date}', '', utc),
    );
    expect(rendered.map((text) => text.split(' ')[1])).toEqual([
      '1st,',
      '2nd,',
      '3rd,',
      '11th,',
      '12th,',
      '13th,',
      '22nd,',
    ]);
  });

  it('falls back for unknown tokens, bad timestamps and bad zones', () => {
    expect(formatSlackDate(AT, '{date} {weekday}', 'the fallback', utc)).toBe('the fallback');
    expect(formatSlackDate('soon', '{date}', 'the fallback', utc)).toBe('the fallback');
    expect(formatSlackDate(AT, '{date}', 'the fallback', { timeZone: 'Mars/Olympus', now: undefined })).toBe(
      'the fallback',
    );
  });
});

describe('date tokens in mrkdwn', () => {
  const token = `<!date^${AT}^{date_short_pretty} at {time}|2023-11-14 22:13 UTC>`;

  it('renders in the context time zone, UTC by default', () => {
    expect(renderMrkdwn(`Submitted ${token}`)).toBe('Submitted Nov 14, 2023 at 10:13 PM');
    expect(renderMrkdwn(`Submitted ${token}`, { timeZone: 'Asia/Tokyo' })).toBe(
      'Submitted Nov 15, 2023 at 7:13 AM',
    );
    expect(renderMrkdwn(token, { timeZone: 'America/New_York' })).toBe('Nov 14, 2023 at 5:13 PM');
  });

  it('appends an optional link', () => {
    expect(renderMrkdwn(`<!date^${AT}^{date_num}^https://example.com|x>`)).toBe(
      '2023-11-14 (https://example.com)',
    );
  });

  it('uses the fallback for unsupported formats', () => {
    expect(renderMrkdwn(`<!date^${AT}^{nope}|2023-11-14 22:13 UTC>`)).toBe('2023-11-14 22:13 UTC');
  });
});
