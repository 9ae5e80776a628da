import { describe, expect, it } from 'vitest';
import { formatMoney, parseAmount } from '../../src/domain/money.ts';
import { formatReference } from '../../src/domain/reference.ts';
import { guessRegionFromTimeZone } from '../../src/domain/regions.ts';

describe('money', () => {
  it('parses and formats exactly', () => {
    expect(parseAmount('1,234,567.89', 'USD')).toEqual({ ok: true, minor: 123456789n });
    expect(parseAmount('£12.5', 'GBP')).toEqual({ ok: true, minor: 1250n });
    expect(parseAmount('1,23.00', 'USD').ok).toBe(false);
    expect(parseAmount('1e5', 'USD').ok).toBe(false);
    expect(formatMoney(123456789n, 'USD')).toBe('USD 1,234,567.89');
    expect(formatMoney(5n, 'EUR')).toBe('EUR 0.05');
    expect(formatMoney(-150000n, 'JPY')).toBe('-JPY 150,000');
    expect(formatMoney(9_007_199_254_740_993n, 'USD')).toBe('USD 90,071,992,547,409.93');
  });
});

describe('regions from time zones', () => {
  it.each([
    ['Europe/London', 'EMEA'],
    ['Africa/Johannesburg', 'EMEA'],
    ['Australia/Sydney', 'APAC'],
    ['Asia/Singapore', 'APAC'],
    ['America/Los_Angeles', 'AMER'],
    ['America/New_York', 'AMER'],
    ['America/Toronto', 'AMER'],
    ['America/Sao_Paulo', 'LATAM'],
    ['America/Mexico_City', 'LATAM'],
    ['America/Argentina/Buenos_Aires', 'LATAM'],
    ['UTC', null],
    [undefined, null],
  ])('%s → %s', (zone, region) => {
    expect(guessRegionFromTimeZone(zone)).toBe(region);
  });
});

describe('references', () => {
  it('are zero-padded per year', () => {
    expect(formatReference(2026, 123)).toBe('BK-2026-000123');
  });
});
