// The CSV writer: RFC 4180 quoting, the formula guard, and a round trip through a strict parser.

import { PassThrough, Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CsvTable,
  type CsvValue,
  csvField,
  csvRecord,
  guardFormula,
  writeCsv,
} from '../../src/export/csv.ts';
import { parseCsv } from '../support/csv.ts';

async function* pagesOf(rows: CsvValue[][], pageSize = 2): AsyncGenerator<CsvValue[][]> {
  for (let i = 0; i < rows.length; i += pageSize) yield rows.slice(i, i + pageSize);
}

async function csvText(table: CsvTable): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeCsv(table, out);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

describe('csvField', () => {
  it('leaves plain text, numbers and booleans alone; empty for null', () => {
    expect(csvField('Acme Widgets Ltd')).toBe('Acme Widgets Ltd');
    expect(csvField(42)).toBe('42');
    expect(csvField(-42)).toBe('-42');
    expect(csvField(12345678901234567890n)).toBe('12345678901234567890');
    expect(csvField(true)).toBe('true');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(new Date('2026-07-01T09:30:00Z'))).toBe('2026-07-01T09:30:00.000Z');
  });

  it('quotes fields with a comma, a quote, CR or LF, doubling the quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
    expect(csvField('"')).toBe('""""');
  });

  it('guards text a spreadsheet would run as a formula with a leading single quote', () => {
    expect(csvField('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(csvField('+44 20 7946 0000')).toBe("'+44 20 7946 0000");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    // A plain decimal number is read as a number, never as a formula.
    expect(csvField('-120.50')).toBe('-120.50');
    expect(csvField('a=b')).toBe('a=b');
  });

  it('ends every record with CRLF', () => {
    expect(csvRecord(['a', 1, null, 'b,c'])).toBe('a,1,,"b,c"\r\n');
  });
});

describe('writeCsv', () => {
  const awkward: CsvValue[][] = [
    ['comma', 'Acme, Inc.'],
    ['quotes', 'the "best" deal'],
    ['newlines', 'first\nsecond\r\nthird\rfourth'],
    ['unicode', 'Zoë Ñandú — 東京 🚀'],
    ['formula', '=1+2'],
    ['empty', ''],
    ['spaces', '  padded  '],
  ];

  it('round-trips awkward fields through an RFC 4180 parser', async () => {
    const text = await csvText({ header: ['case', 'value'], pages: pagesOf(awkward) });
    expect(text.endsWith('\r\n')).toBe(true);
    const parsed = parseCsv(text);
    expect(parsed[0]).toEqual(['case', 'value']);
    expect(parsed.slice(1)).toEqual(
      awkward.map(([name, value]) => [name, value === '=1+2' ? "'=1+2" : value]),
    );
  });

  it('round-trips any text (property)', async () => {
    const cell = fc.string({ unit: 'binary', maxLength: 30 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 8 }),
        async (rows) => {
          const parsed = parseCsv(await csvText({ header: ['a', 'b', 'c'], pages: pagesOf(rows) }));
          expect(parsed.slice(1)).toEqual(rows.map((row) => row.map(guardFormula)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('waits for drain when the stream is full, one write per page', async () => {
    const writes: string[] = [];
    let drains = 0;
    const slow = new Writable({
      highWaterMark: 16,
      write(chunk: Buffer, _encoding, callback) {
        writes.push(chunk.toString());
        setTimeout(callback, 1);
      },
    });
    slow.on('drain', () => drains++);
    const rows: CsvValue[][] = Array.from({ length: 10 }, (_, i) => [i, `row ${i}`]);
    expect(await writeCsv({ header: ['n', 'text'], pages: pagesOf(rows, 3) }, slow)).toBe(10);
    expect(writes).toHaveLength(1 + 4);
    expect(drains).toBeGreaterThan(0);
  });

  it('fails, and stops reading pages, when the output closes part-way', async () => {
    let pagesRead = 0;
    let finished = false;
    async function* endless(): AsyncGenerator<CsvValue[][]> {
      try {
        for (;;) {
          pagesRead++;
          yield [['x'.repeat(100)]];
        }
      } finally {
        finished = true;
      }
    }
    const out = new Writable({
      highWaterMark: 16,
      write(_chunk, _encoding, callback) {
        setTimeout(callback, 1);
      },
    });
    setTimeout(() => out.destroy(), 20);
    await expect(writeCsv({ header: ['x'], pages: endless() }, out)).rejects.toThrow(/closed/);
    expect(finished).toBe(true);
    expect(pagesRead).toBeLessThan(100);
  });
});
