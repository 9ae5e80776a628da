// A modal submission is answered in its ack, and Slack waits only 3 seconds for it. When the database
// is slow or hung, the work is left to finish on its own and the person is told at once, honestly, that
// the outcome is not known yet — rather than Slack showing its own error after the deadline.

import { isDatabaseTimeout } from '../../../db/errors.ts';
import type { Logger } from '../../../logger.ts';

/** What is left of Slack's 3 s once the request has travelled and the answer must travel back. */
export const SUBMISSION_BUDGET_MS = 2500;

export type Budgeted<T> = { done: true; value: T } | { done: false };

/** `work`'s result if it settles within `budgetMs`; else `{ done: false }` (the work carries on). */
export async function withinBudget<T>(
  work: Promise<T>,
  budgetMs = SUBMISSION_BUDGET_MS,
): Promise<Budgeted<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<{ done: false }>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), budgetMs);
  });
  try {
    return await Promise.race([work.then((value) => ({ done: true as const, value })), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A second Submit is safe everywhere: bookings are keyed by their form, decisions answer "already done". */
export const SLOW_SUBMISSION =
  'The desk is slow to answer, so this may not be recorded yet. Press Submit again in a moment: it is never applied twice.';
export const FAILED_SUBMISSION =
  'The desk could not record this just now and nothing was saved. Press Submit again in a moment.';

export interface LateAnswers<T> {
  /** The work is still running at the deadline, or a query timed out: it may yet be recorded. */
  late: T;
  /** The work failed: nothing was saved. */
  failed: T;
}

/**
 * The answer `work` gives within the ack budget. When it is slow the person gets `late` at once and
 * the work carries on (its failure is logged); when it fails they get `failed`, never a silent modal.
 */
export async function answerWithinBudget<T>(
  logger: Logger,
  what: string,
  work: Promise<T>,
  answers: LateAnswers<T>,
  budgetMs = SUBMISSION_BUDGET_MS,
): Promise<T> {
  try {
    const budgeted = await withinBudget(work, budgetMs);
    if (budgeted.done) return budgeted.value;
    work.catch((error: unknown) => logger.error(`${what} failed after its answer`, { error }));
    logger.warn(`${what} not done within the ack budget`);
    return answers.late;
  } catch (error) {
    logger.error(`${what} failed`, { error });
    // A query that timed out may still have been committed by the server: do not claim otherwise.
    return isDatabaseTimeout(error) ? answers.late : answers.failed;
  }
}
