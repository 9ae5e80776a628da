// Product lines as a rep types them: one per line, "SKU | Description | Qty | Unit price / month | Discount %".

import { CURRENCIES, type Currency, parseAmount, roundHalfUp } from '../money.ts';

export interface ProductLine {
  sku: string;
  description: string;
  quantity: number;
  /** Price of one unit for one month, in minor units. */
  unitPriceMinor: bigint;
  /** 1500 = 15 %. */
  discountBasisPoints: number;
}

export const LINE_FORMAT = 'SKU | Description | Qty | Unit price per month | Discount % (optional)';
export const LINE_EXAMPLE = 'PRO-SEAT | Pro seat licence | 25 | 40.00 | 10';
export const MAX_LINES = 40;

export type LinesParse = { ok: true; lines: ProductLine[] } | { ok: false; errors: string[] };

const SKU = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/;
const QUANTITY = /^\d{1,7}$/;
const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?\s*%?$/;

export function parseProductLines(text: string, currency: Currency): LinesParse {
  const rows = text
    .split(/\r?\n/)
    .map((row, index) => ({ row: row.trim(), number: index + 1 }))
    .filter(({ row }) => row.length > 0);
  if (rows.length === 0) return { ok: false, errors: [`Add at least one product line: ${LINE_EXAMPLE}`] };
  if (rows.length > MAX_LINES)
    return { ok: false, errors: [`At most ${MAX_LINES} product lines per request.`] };

  const lines: ProductLine[] = [];
  const errors: string[] = [];
  for (const { row, number } of rows) {
    const parsed = parseLine(row, currency);
    if (typeof parsed === 'string') errors.push(`Line ${number}: ${parsed}`);
    else lines.push(parsed);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, lines };
}

function parseLine(row: string, currency: Currency): ProductLine | string {
  const cells = row.split('|').map((cell) => cell.trim());
  if (cells.length < 4 || cells.length > 5) {
    return `expected 4 or 5 parts separated by "|" (${LINE_FORMAT}), found ${cells.length}`;
  }
  const [sku, description, quantityText, priceText, discountText = ''] = cells as [
    string,
    string,
    string,
    string,
    string?,
  ];
  if (!SKU.test(sku)) return `SKU "${sku}" must be 1–40 letters, digits, ".", "_", "/" or "-"`;
  if (description.length === 0) return 'add a description after the SKU';
  if (description.length > 200) return 'the description is longer than 200 characters';
  if (!QUANTITY.test(quantityText) || Number(quantityText) <= 0) {
    return `quantity must be a whole number above 0 (got "${quantityText}")`;
  }
  const price = parseAmount(priceText, currency);
  if (!price.ok) return `unit price ${price.reason}`;
  const discount = parseDiscount(discountText);
  if (typeof discount === 'string') return discount;
  return {
    sku,
    description,
    quantity: Number(quantityText),
    unitPriceMinor: price.minor,
    discountBasisPoints: discount,
  };
}

function parseDiscount(text: string): number | string {
  if (text === '') return 0;
  const match = PERCENT.exec(text);
  if (!match) return `discount "${text}" must be a percentage such as 10 or 12.5`;
  const basisPoints = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (basisPoints > 10_000) return 'discount cannot be more than 100 %';
  return basisPoints;
}

/** Net value of one line over the term, in minor units (discount rounded half up per line). */
export function lineValue(line: ProductLine, termMonths: number): bigint {
  const gross = line.unitPriceMinor * BigInt(line.quantity) * BigInt(termMonths);
  return roundHalfUp(gross * BigInt(10_000 - line.discountBasisPoints), 10_000n);
}

/** Total contract value: every line over the term, plus one-time charges, less credits. */
export function totalContractValue(
  lines: readonly ProductLine[],
  termMonths: number,
  oneTimeChargesMinor: bigint,
  creditsMinor: bigint,
): bigint {
  const recurring = lines.reduce((sum, line) => sum + lineValue(line, termMonths), 0n);
  return recurring + oneTimeChargesMinor - creditsMinor;
}

/** Renders lines back to the text a rep types, so an amendment starts from what was booked. */
export function formatProductLines(lines: readonly ProductLine[], currency: Currency): string {
  const exponent = CURRENCIES[currency];
  return lines
    .map((line) => {
      const price = formatPlain(line.unitPriceMinor, exponent);
      const discount = line.discountBasisPoints ? ` | ${formatPercent(line.discountBasisPoints)}` : '';
      return `${line.sku} | ${line.description} | ${line.quantity} | ${price}${discount}`;
    })
    .join('\n');
}

export function formatPercent(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const fraction = basisPoints % 100;
  return fraction === 0 ? `${whole}` : `${whole}.${String(fraction).padStart(2, '0').replace(/0$/, '')}`;
}

function formatPlain(minor: bigint, exponent: number): string {
  if (exponent === 0) return minor.toString();
  const digits = minor.toString().padStart(exponent + 1, '0');
  return `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
