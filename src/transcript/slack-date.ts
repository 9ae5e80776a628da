// `<!date^seconds^format|fallback>`: Slack's reader-localised dates, rendered in one time zone.

import { DateTime } from 'luxon';

export interface DateOptions {
  timeZone: string;
  /** Enables today / yesterday / tomorrow in the *_pretty tokens, and {ago}. */
  now: Date | undefined;
}

function ordinal(day: number): string {
  const tens = day % 100;
  if (tens >= 11 && tens <= 13) return `${day}th`;
  return `${day}${['th', 'st', 'nd', 'rd'][day % 10] ?? 'th'}`;
}

function pretty(at: DateTime, now: DateTime | undefined, otherwise: string): string {
  if (!now) return otherwise;
  const days = Math.round(at.startOf('day').diff(now.setZone(at.zone).startOf('day'), 'days').days);
  if (days === 0) return 'today';
  if (days === -1) return 'yesterday';
  if (days === 1) return 'tomorrow';
  return otherwise;
}

type TokenFormatter = (at: DateTime, now: DateTime | undefined) => string | undefined;

const date = (at: DateTime) => `${at.toFormat('MMMM')} ${ordinal(at.day)}, ${at.year}`;
const dateShort = (at: DateTime) => at.toFormat('MMM d, yyyy');
const dateLong = (at: DateTime) => `${at.toFormat('cccc')}, ${date(at)}`;

const TOKENS: Record<string, TokenFormatter> = {
  date_num: (at) => at.toFormat('yyyy-MM-dd'),
  date: (at) => date(at),
  date_short: (at) => dateShort(at),
  date_long: (at) => dateLong(at),
  date_pretty: (at, now) => pretty(at, now, date(at)),
  date_short_pretty: (at, now) => pretty(at, now, dateShort(at)),
  date_long_pretty: (at, now) => pretty(at, now, dateLong(at)),
  time: (at) => at.toFormat('h:mm a'),
  time_secs: (at) => at.toFormat('h:mm:ss a'),
  ago: (at, now) => (now ? (at.toRelative({ base: now }) ?? undefined) : undefined),
};

/**
 * Formats Slack's date `format` (`{date_short_pretty} at {time}`) for the epoch `seconds`;
 * the `fallback` when the timestamp is not a number or a token is not one we know.
 */
export function formatSlackDate(
  seconds: string,
  format: string,
  fallback: string,
  options: DateOptions,
): string {
  if (!/^-?\d+(\.\d+)?$/.test(seconds)) return fallback;
  const at = DateTime.fromSeconds(Number(seconds), { zone: options.timeZone, locale: 'en-US' });
  if (!at.isValid) return fallback;
  const now = options.now ? DateTime.fromJSDate(options.now, { zone: options.timeZone }) : undefined;
  let unknown = false;
  const text = format.replace(/\{([a-z_]+)\}/g, (_token, name: string) => {
    const formatted = Object.hasOwn(TOKENS, name) ? TOKENS[name]!(at, now) : undefined;
    if (formatted === undefined) unknown = true;
    return formatted ?? '';
  });
  return unknown ? fallback : text;
}
