// Shared text formatting for messages: dates that Slack localises for each reader, money, lines.

import { formatPercent, lineValue, type ProductLine } from '../../domain/booking/lines.ts';
import { type Currency, formatMoney } from '../../domain/money.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';

/** A time every reader sees in their own time zone, with a UTC fallback for old clients. */
export function slackDate(at: Date): string {
  const seconds = Math.floor(at.getTime() / 1000);
  const fallback = `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${seconds}^{date_short_pretty} at {time}|${fallback}>`;
}

export function describeLine(line: ProductLine, currency: Currency, termMonths: number): string {
  const discount = line.discountBasisPoints ? ` −${formatPercent(line.discountBasisPoints)} %` : '';
  return (
    `• \`${escapeMrkdwn(line.sku)}\` ${escapeMrkdwn(line.description)} × ${line.quantity}` +
    ` @ ${formatMoney(line.unitPriceMinor, currency)}/mo${discount} = *${formatMoney(lineValue(line, termMonths), currency)}*`
  );
}

/** As many line descriptions as fit in one section's text, then a count of the rest. */
export function describeLines(
  lines: readonly ProductLine[],
  currency: Currency,
  termMonths: number,
  max = 2900,
): string {
  const out: string[] = [];
  let length = 0;
  for (const [index, line] of lines.entries()) {
    const text = describeLine(line, currency, termMonths);
    const rest = lines.length - index;
    if (length + text.length + 40 > max) {
      out.push(`_…and ${rest} more line${rest === 1 ? '' : 's'}_`);
      break;
    }
    out.push(text);
    length += text.length + 1;
  }
  return out.join('\n');
}
