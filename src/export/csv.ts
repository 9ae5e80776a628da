// CSV as RFC 4180 says: fields separated by commas, records ended by CRLF, a field quoted when it
// holds a comma, a double quote, CR or LF, and a double quote inside a quoted field doubled.
//
// Spreadsheet formula injection: a text field starting with = + - @ (or a tab or CR) would run as a
// formula when the file is opened in Excel, LibreOffice or Google Sheets, so such a field gets a
// leading single quote ('=SUM(A1) stays text). Numbers (counts, minutes) and text that is only a
// decimal number ("-120.50": a spreadsheet reads it as a number, never as a formula) are written as
// they are, so a negative amount stays a number.
//
// writeCsv streams: it writes a page of rows at a time and waits for 'drain' whenever the stream's
// buffer is full, so a large range never sits in memory as one string.

import { once } from 'node:events';
import type { Writable } from 'node:stream';

export type CsvValue = string | number | bigint | boolean | Date | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** One field: formula-guarded when it is text, quoted when it has to be. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    return String(value);
  }
  const text = value instanceof Date ? value.toISOString() : guardFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A text cell a spreadsheet would read as a formula, made literal with a leading quote. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** One record, CRLF included. */
export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** A header and pages of rows, as the export queries yield them. */
export interface CsvTable {
  header: readonly string[];
  pages: AsyncIterable<readonly (readonly CsvValue[])[]>;
}

/**
 * Writes the table to `out`, one page per write, honouring backpressure. Does not end the stream.
 * Resolves with the number of data rows written.
 */
export async function writeCsv(table: CsvTable, out: Writable): Promise<number> {
  let rows = 0;
  await write(out, csvRecord(table.header));
  for await (const page of table.pages) {
    if (page.length === 0) continue;
    await write(out, page.map(csvRecord).join(''));
    rows += page.length;
  }
  return rows;
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (out.destroyed) throw new Error('the output closed before the export finished');
  if (out.write(chunk, 'utf8')) return;
  // Wait for the buffer to empty, or fail if the other side goes away (or errors) meanwhile.
  const listening = new AbortController();
  const { signal } = listening;
  try {
    await Promise.race([
      once(out, 'drain', { signal }),
      once(out, 'close', { signal }).then(() => {
        throw new Error('the output closed before the export finished');
      }),
    ]);
  } finally {
    listening.abort();
  }
}
