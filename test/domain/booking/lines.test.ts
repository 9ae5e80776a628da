import { describe, expect, it } from 'vitest';
import {
  formatProductLines,
  lineValue,
  parseProductLines,
  totalContractValue,
} from '../../../src/domain/booking/lines.ts';

describe('product lines', () => {
  it('parses lines with and without a discount', () => {
    const parsed = parseProductLines(
      'PRO-SEAT | Pro seat | 25 | 40.00 | 10\nADDON | Add-on | 3 | 1,250.5',
      'USD',
    );
    expect(parsed).toEqual({
      ok: true,
      lines: [
        {
          sku: 'PRO-SEAT',
          description: 'Pro seat',
          quantity: 25,
          unitPriceMinor: 4000n,
          discountBasisPoints: 1000,
        },
        { sku: 'ADDON', description: 'Add-on', quantity: 3, unitPriceMinor: 125050n, discountBasisPoints: 0 },
      ],
    });
  });

  it('ignores blank lines and accepts "12.5%"', () => {
    const parsed = parseProductLines('\n  A | a | 1 | 1 | 12.5%  \n\n', 'USD');
    expect(parsed.ok && parsed.lines[0]?.discountBasisPoints).toBe(1250);
  });

  it.each([
    ['A | a | 0 | 10', 'Line 1: quantity must be a whole number above 0 (got "0")'],
    ['A | a | -2 | 10', 'Line 1: quantity must be a whole number above 0 (got "-2")'],
    ['A | a | 1.5 | 10', 'Line 1: quantity must be a whole number above 0 (got "1.5")'],
    ['A | a | 1 | -10', 'Line 1: unit price cannot be negative'],
    ['A | a | 1 | ten', 'Line 1: unit price "ten" is not an amount (write it like 1250.00)'],
    ['A | a | 1 | 1.234', 'Line 1: unit price has more than 2 decimal places'],
    ['A a 1 10', 'Line 1: expected 4 or 5 parts separated by "|"'],
    ['A | a | 1 | 10 | 120', 'Line 1: discount cannot be more than 100 %'],
    ['A | | 1 | 10', 'Line 1: add a description after the SKU'],
    ['bad sku! | a | 1 | 10', 'Line 1: SKU "bad sku!" must be'],
  ])('refuses %j', (text, message) => {
    const parsed = parseProductLines(text, 'USD');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors[0]).toContain(message);
  });

  it('numbers every bad line', () => {
    const parsed = parseProductLines('A | a | 1 | 10\nB | b | 0 | 10\nC | c | x | 10', 'USD');
    expect(!parsed.ok && parsed.errors.map((error) => error.slice(0, 7))).toEqual(['Line 2:', 'Line 3:']);
  });

  it('asks for at least one line', () => {
    expect(parseProductLines('  \n ', 'USD')).toEqual({
      ok: false,
      errors: [expect.stringContaining('at least one')],
    });
  });

  it('knows currencies without minor units', () => {
    expect(parseProductLines('A | a | 1 | 1.5', 'JPY')).toMatchObject({ ok: false });
    expect(parseProductLines('A | a | 1 | 1500', 'JPY')).toMatchObject({
      ok: true,
      lines: [{ unitPriceMinor: 1500n }],
    });
  });

  it('computes values exactly, rounding each line half up', () => {
    const line = { sku: 'A', description: 'a', quantity: 3, unitPriceMinor: 333n, discountBasisPoints: 1250 };
    // 3 × 3.33 × 12 = 119.88; less 12.5 % = 104.895 → 104.90
    expect(lineValue(line, 12)).toBe(10490n);
    expect(totalContractValue([line, line], 12, 5000n, 1000n)).toBe(10490n * 2n + 4000n);
  });

  it('formats lines back to the text a rep types', () => {
    const text = 'PRO | Pro seat | 25 | 40.00 | 12.5\nADD | Add-on | 1 | 0.05';
    const parsed = parseProductLines(text, 'USD');
    expect(parsed.ok && formatProductLines(parsed.lines, 'USD')).toBe(text);
  });
});
