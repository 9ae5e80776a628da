// Satisfaction: the share of answers that are 4 or 5, against the desk's target.

export interface SatisfactionFigure {
  answers: number;
  /** Answers scoring 4 or 5. */
  satisfied: number;
  /** satisfied / answers in percent, one decimal; null without answers. */
  percent: number | null;
}

export function isSatisfied(score: number): boolean {
  return score >= 4;
}

export function satisfactionOf(counts: { answers: number; satisfied: number }): SatisfactionFigure {
  const { answers, satisfied } = counts;
  if (answers === 0) return { answers: 0, satisfied: 0, percent: null };
  return { answers, satisfied, percent: Math.round((satisfied / answers) * 1000) / 10 };
}

export function satisfactionShare(scores: readonly number[]): SatisfactionFigure {
  return satisfactionOf({ answers: scores.length, satisfied: scores.filter(isSatisfied).length });
}

/** Whether a figure meets the target (in percent); null without answers. */
export function meetsTarget(figure: SatisfactionFigure, targetPercent: number): boolean | null {
  return figure.percent === null ? null : figure.percent >= targetPercent;
}
