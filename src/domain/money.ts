// Exact money: integer minor units as bigint, parsed from and formatted to text per currency.

export const CURRENCIES = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  AUD: 2,
  CAD: 2,
  NZD: 2,
  SGD: 2,
  HKD: 2,
  JPY: 0,
  INR: 2,
  CHF: 2,
  SEK: 2,
  BRL: 2,
  MXN: 2,
  CLP: 0,
  COP: 2,
} as const;
export type Currency = keyof typeof CURRENCIES;
export const CURRENCY_CODES = Object.keys(CURRENCIES) as Currency[];

export function isCurrency(value: string): value is Currency {
  return Object.hasOwn(CURRENCIES, value);
}

export type MoneyParse = { ok: true; minor: bigint } | { ok: false; reason: string };

// Digits with optional comma thousands groups, then an optional decimal part: 1,234.50 or 1234.5.
const AMOUNT = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/** Parses a non-negative amount such as "1,250.00" into minor units of the currency. */
export function parseAmount(text: string, currency: Currency): MoneyParse {
  const cleaned = text.trim().replace(/^[$€£¥]/, '');
  if (cleaned.startsWith('-')) return { ok: false, reason: 'cannot be negative' };
  const match = AMOUNT.exec(cleaned);
  if (!match) return { ok: false, reason: `"${text.trim()}" is not an amount (write it like 1250.00)` };
  const exponent = CURRENCIES[currency];
  const whole = match[1]!.replaceAll(',', '');
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) {
    return {
      ok: false,
      reason:
        exponent === 0
          ? `${currency} has no minor unit: write a whole amount`
          : `has more than ${exponent} decimal places`,
    };
  }
  const minor = BigInt(whole + fraction.padEnd(exponent, '0'));
  if (minor > MAX_MINOR) return { ok: false, reason: 'is too large' };
  return { ok: true, minor };
}

// Far beyond any real order, and still safe to multiply by quantities and term lengths.
export const MAX_MINOR = 10n ** 15n;

/** Formats minor units as "USD 12,345.00" (grouped, fixed decimals). */
export function formatMoney(minor: bigint, currency: Currency): string {
  const exponent = CURRENCIES[currency];
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : '';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${currency} ${grouped}${fraction}`;
}

/** Rounds a non-negative rational numerator/denominator to the nearest integer, halves up. */
export function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}
