import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.ts';
import { answerWithinBudget, withinBudget } from '../../../src/slack/listeners/views/ack-budget.ts';

describe('withinBudget', () => {
  it('gives the result of work that settles in time', async () => {
    await expect(withinBudget(Promise.resolve(7), 1000)).resolves.toEqual({ done: true, value: 7 });
  });

  it('gives up on work that does not settle, which carries on by itself', async () => {
    let finish: (value: number) => void = () => {};
    const work = new Promise<number>((resolve) => {
      finish = resolve;
    });
    await expect(withinBudget(work, 10)).resolves.toEqual({ done: false });
    finish(3);
    await expect(work).resolves.toBe(3);
  });

  it('passes a failure of the work on', async () => {
    await expect(withinBudget(Promise.reject(new Error('boom')), 1000)).rejects.toThrow('boom');
  });
});

describe('answerWithinBudget', () => {
  const logger = createLogger('silent');
  const answers = { late: 'late', failed: 'failed' };

  it('gives the work’s answer when it is in time', async () => {
    await expect(answerWithinBudget(logger, 'work', Promise.resolve('done'), answers, 1000)).resolves.toBe(
      'done',
    );
  });

  it('answers "late" when the work is slow, and lets it finish', async () => {
    let finish: (value: string) => void = () => {};
    const work = new Promise<string>((resolve) => {
      finish = resolve;
    });
    await expect(answerWithinBudget(logger, 'work', work, answers, 10)).resolves.toBe('late');
    finish('done');
    await expect(work).resolves.toBe('done');
  });

  it('answers "failed" when the work fails, and "late" when a query timed out (it may yet commit)', async () => {
    await expect(
      answerWithinBudget(logger, 'work', Promise.reject(new Error('boom')), answers),
    ).resolves.toBe('failed');
    const timedOut = new Error('outer', { cause: new Error('Query read timeout') });
    await expect(answerWithinBudget(logger, 'work', Promise.reject(timedOut), answers)).resolves.toBe('late');
  });
});
