// Order statistics for the approval time. Definitions (documented because spreadsheets differ):
// - median: the middle value of the sorted values; for an even count, the mean of the two middle ones.
// - percentile p (0 < p ≤ 100): nearest rank — the value at 1-based rank ⌈p/100 × n⌉ of the sorted
//   values (so p90 of 10 values is the 9th, of 8 values the 8th). Always a value that occurred.

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function nearestRankPercentile(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`a percentile must be in (0, 100], not ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.max(1, rank) - 1]!;
}

/** numerator ÷ denominator in percent, or null when there is nothing to divide by. */
export function percent(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : (numerator / denominator) * 100;
}
