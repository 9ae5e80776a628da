// Percentiles and the table the benchmark prints.

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export interface LatencyRow {
  surface: string;
  ours: number[];
  bare: number[];
}

export function latencyTable(rows: readonly LatencyRow[]): string {
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const lines = [
    '| surface | Booking Desk p50 | Booking Desk p99 | bare Bolt p50 | bare Bolt p99 | p99 ratio |',
    '|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const [ours50, ours99, bare50, bare99] = [
      percentile(row.ours, 50),
      percentile(row.ours, 99),
      percentile(row.bare, 50),
      percentile(row.bare, 99),
    ];
    lines.push(
      `| ${row.surface} | ${ms(ours50)} | ${ms(ours99)} | ${ms(bare50)} | ${ms(bare99)} | ${(ours99 / bare99).toFixed(2)}× |`,
    );
  }
  return lines.join('\n');
}

/** A figure with thousands separators and `digits` decimals. */
export function fmt(value: number, digits = 0): string {
  return value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function mib(bytes: number): string {
  return `${fmt(bytes / 2 ** 20, 1)} MiB`;
}
