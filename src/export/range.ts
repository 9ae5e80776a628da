// What to export and for which days: parsed once, from the CLI's flags or the endpoint's query.
// Days are UTC calendar days and both ends are inclusive: --from 2026-07-01 --to 2026-09-30 covers
// 2026-07-01T00:00:00Z up to, not including, 2026-10-01T00:00:00Z.

export const EXPORT_KINDS = ['requests', 'audit', 'kpis'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportRange {
  /** Inclusive first day, YYYY-MM-DD. */
  from: string;
  /** Inclusive last day, YYYY-MM-DD. */
  to: string;
  /** Start of `from` (UTC). */
  start: Date;
  /** Start of the day after `to` (UTC): the range is [start, end). */
  end: Date;
}

export interface ExportRequest {
  what: ExportKind;
  range: ExportRange;
}

export type ExportParse = { ok: true; request: ExportRequest } | { ok: false; message: string };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Checks `what`, `from` and `to`; the message says what is wrong in one line. */
export function parseExportRequest(input: {
  what: string | undefined;
  from: string | undefined;
  to: string | undefined;
}): ExportParse {
  const { what, from, to } = input;
  if (what === undefined || what === '') {
    return { ok: false, message: `what is missing: one of ${EXPORT_KINDS.join(', ')}` };
  }
  if (!isExportKind(what)) {
    return { ok: false, message: `what "${what}" is not one of ${EXPORT_KINDS.join(', ')}` };
  }
  const start = parseDay('from', from);
  if (typeof start === 'string') return { ok: false, message: start };
  const last = parseDay('to', to);
  if (typeof last === 'string') return { ok: false, message: last };
  if (last.getTime() < start.getTime()) {
    return { ok: false, message: `to (${to}) is before from (${from})` };
  }
  return {
    ok: true,
    request: {
      what,
      range: { from: from as string, to: to as string, start, end: new Date(last.getTime() + DAY_MS) },
    },
  };
}

export function isExportKind(value: string): value is ExportKind {
  return (EXPORT_KINDS as readonly string[]).includes(value);
}

/** The file name an export is offered as: booking-desk-audit-2026-07-01-2026-09-30.csv. */
export function exportFileName(request: ExportRequest): string {
  return `booking-desk-${request.what}-${request.range.from}-${request.range.to}.csv`;
}

function parseDay(name: 'from' | 'to', value: string | undefined): Date | string {
  if (value === undefined || value === '') return `${name} is missing: a date such as 2026-07-01`;
  const match = DAY.exec(value);
  if (!match) return `${name} "${value}" is not a date in the form YYYY-MM-DD`;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return `${name} "${value}" is not a day of the calendar`;
  }
  return date;
}
