// A click is acknowledged before its work runs, so a failure after the ack would otherwise leave the
// person with no answer at all. Every click's change is one transaction: when the work fails, nothing
// was applied, and the clicker is told so — only them, where they clicked — and asked to try again.
// Modal submissions answer inline instead (before their ack), see views/intake-submission.ts.

import type { App } from '@slack/bolt';
import { isDatabaseUnavailable } from '../../db/errors.ts';
import type { SlackDeps } from '../deps.ts';

export const DATABASE_DOWN_REPLY =
  'Booking Desk could not record that just now (its database did not answer), so nothing changed. Please try again in a moment.';
export const FAILED_REPLY =
  'Something went wrong on the desk’s side and that did not go through. Please try again in a moment.';

/** Answers a failed click with an ephemeral "try again"; the error still goes to the app's error handler. */
export function registerFailureReplies(app: App, deps: SlackDeps): void {
  app.use(async (args) => {
    try {
      await args.next();
    } catch (error) {
      const respond = 'respond' in args ? args.respond : undefined;
      if (args.body.type === 'block_actions' && typeof respond === 'function') {
        const text = isDatabaseUnavailable(error) ? DATABASE_DOWN_REPLY : FAILED_REPLY;
        await respond({ response_type: 'ephemeral', replace_original: false, text }).catch(
          (replyError: unknown) => deps.logger.warn('the try-again reply failed', { error: replyError }),
        );
      }
      throw error;
    }
  });
}
