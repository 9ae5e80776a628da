// `/book`, `/book Q-1234`, `/book help` and the sub-commands (status, mine, cancel, reassign,
// coverage, hours, stats). The command is acknowledged first; the modal or the answer comes after.

import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { COMMAND } from '../../ids.ts';
import { escapeMrkdwn } from '../../mrkdwn.ts';
import { openIntake } from '../../open-intake.ts';
import { helpText } from '../../views/help.ts';
import { openAdminModal } from './book-admin.ts';
import { coverageAnswer } from './book-coverage.ts';
import { hoursAnswer } from './book-hours.ts';
import { statsAnswer } from './book-stats.ts';
import { statusAnswer } from './book-status.ts';

const QUOTE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-_/.]{1,39}$/;

export type BookCommand =
  | { kind: 'help' }
  | { kind: 'new'; quoteNumber?: string }
  | { kind: 'status'; target: string }
  | { kind: 'mine' }
  | { kind: 'admin'; action: 'cancel' | 'reassign'; target: string }
  | { kind: 'coverage'; args: string[] }
  | { kind: 'hours' }
  | { kind: 'stats'; args: string[] }
  | { kind: 'unknown'; text: string };

const KEYWORDS = ['help', 'status', 'mine', 'cancel', 'reassign', 'coverage', 'hours', 'stats'];

export function parseBookCommand(text: string): BookCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { kind: 'new' };
  const [first, second] = words as [string, string | undefined];
  const keyword = first.toLowerCase();
  if (words.length === 1 && (keyword === 'help' || keyword === '?')) return { kind: 'help' };
  if (words.length === 1 && keyword === 'mine') return { kind: 'mine' };
  if (words.length === 1 && keyword === 'hours') return { kind: 'hours' };
  if (keyword === 'coverage') return { kind: 'coverage', args: words.slice(1) };
  if (keyword === 'stats') return { kind: 'stats', args: words.slice(1) };
  if (words.length === 2 && second && keyword === 'status') return { kind: 'status', target: second };
  if (words.length === 2 && second && (keyword === 'cancel' || keyword === 'reassign')) {
    return { kind: 'admin', action: keyword, target: second };
  }
  // A keyword used wrongly is a mistake to explain, never a quote number.
  if (words.length === 1 && !KEYWORDS.includes(keyword) && QUOTE_NUMBER.test(first)) {
    return { kind: 'new', quoteNumber: first.toUpperCase() };
  }
  return { kind: 'unknown', text: text.trim() };
}

export function registerBookCommand(app: App, deps: SlackDeps): void {
  app.command(COMMAND, async ({ command, ack, client, respond }) => {
    const parsed = parseBookCommand(command.text ?? '');
    if (parsed.kind === 'help') {
      await ack({ response_type: 'ephemeral', text: helpText() });
      return;
    }
    if (parsed.kind === 'unknown') {
      await ack({
        response_type: 'ephemeral',
        text: `I did not understand \`${COMMAND} ${escapeMrkdwn(parsed.text.slice(0, 100)).replaceAll('`', "'")}\`.\n${helpText()}`,
      });
      return;
    }
    if (parsed.kind === 'status' || parsed.kind === 'mine') {
      await ack();
      await respond(await statusAnswer(deps, command.user_id, parsed)).catch((error: unknown) =>
        deps.logger.warn('could not answer /book status', { error }),
      );
      return;
    }
    if (parsed.kind === 'coverage' || parsed.kind === 'hours') {
      await ack();
      const answer =
        parsed.kind === 'hours'
          ? await hoursAnswer(deps)
          : await coverageAnswer(deps, command.user_id, parsed.args);
      await respond(answer).catch((error: unknown) =>
        deps.logger.warn(`could not answer /book ${parsed.kind}`, { error }),
      );
      return;
    }
    if (parsed.kind === 'stats') {
      await ack();
      await respond(await statsAnswer(deps, command.user_id, parsed.args)).catch((error: unknown) =>
        deps.logger.warn('could not answer /book stats', { error }),
      );
      return;
    }
    // What is left opens a modal, which needs the trigger Slack sends with every command.
    if (!command.trigger_id) {
      await ack({
        response_type: 'ephemeral',
        text: `Slack did not send what I need to open a form. Please type \`${COMMAND}\` again.`,
      });
      return;
    }
    if (parsed.kind === 'admin') {
      await ack();
      const problem = await openAdminModal(deps, client, {
        ...parsed,
        userId: command.user_id,
        triggerId: command.trigger_id,
      });
      if (problem) await respond({ response_type: 'ephemeral', text: problem }).catch(() => undefined);
      return;
    }
    await ack();
    try {
      await openIntake(deps, client, {
        triggerId: command.trigger_id,
        userId: command.user_id,
        channel: command.channel_id,
        ...(parsed.quoteNumber ? { quoteNumber: parsed.quoteNumber } : {}),
      });
    } catch (error) {
      deps.logger.warn('could not open the booking form', { error, user: command.user_id });
      await respond({
        response_type: 'ephemeral',
        text: `Slack did not let me open the booking form (it took too long or failed). Please type \`${COMMAND}\` again.`,
      }).catch(() => undefined);
    }
  });
}
