// The DMs that keep a requester posted: what happened to their request, what (if anything) they must do,
// the way to its thread, and Amend / Withdraw while those still apply.

import type { Playbook, Step } from '../../domain/playbook/schema.ts';
import { ROLE_LABELS } from '../../domain/roles.ts';
import type { WorkflowEvent } from '../../domain/workflow/events.ts';
import { currentStep } from '../../domain/workflow/queries.ts';
import { isActive, type WorkflowState } from '../../domain/workflow/state.ts';
import { ACTION } from '../ids.ts';
import { escapeMrkdwn, link } from '../mrkdwn.ts';
import { type Block, context, section } from './elements.ts';
import { escalateButton } from './request-escalation.ts';
import { stepLabel } from './request-history.ts';
import { button, confirmDialog } from './step-buttons.ts';
import { boundedLines, deviationLine, evidenceLines, quoted, userText, when, who } from './step-text.ts';

export interface RequesterUpdateInput {
  requestId: string;
  reference: string;
  event: WorkflowEvent;
  /** The request's state after the event. */
  state: WorkflowState;
  /** The playbook version the request walks. */
  playbook: Playbook;
  /** The thread's permalink, when known. */
  permalink?: string | null;
  customerName?: string;
}

/**
 * The DM for an event that matters to the requester, or null for one that does not (ticks, takes,
 * escalations, their own amendment). A milestone step's `step_completed` is null too: its milestone
 * event (booked, billing triggered, handed off) says it better; so is the last step's, for
 * `request_completed`. A rejection that goes back to the requester comes as `changes_requested`.
 */
export function requesterUpdate(input: RequesterUpdateInput): { text: string; blocks: Block[] } | null {
  const customer = input.customerName ? ` (${userText(input.customerName, 120)})` : '';
  const ref = `*${escapeMrkdwn(input.reference)}*${customer}`;
  const main = describe(input, ref);
  if (main === null) return null;
  const blocks: Block[] = [section(main)];
  const buttons = actionButtons(input);
  if (buttons.length > 0) blocks.push({ type: 'actions', block_id: 'request_actions', elements: buttons });
  const where = input.permalink ? link(input.permalink, 'Open the request thread') : null;
  blocks.push(context([escapeMrkdwn(input.reference), where].filter(Boolean).join(' · ')));
  const firstLine = main.split('\n')[0] ?? main;
  return { text: firstLine, blocks };
}

function stepOf(playbook: Playbook, stepId: string): Step | undefined {
  return playbook.steps.find((step) => step.id === stepId);
}

function describe({ event, state, playbook }: RequesterUpdateInput, ref: string): string | null {
  const step = 'stepId' in event && event.stepId ? stepOf(playbook, event.stepId) : undefined;
  const at = 'stepId' in event ? stepLabel(playbook, event.stepId) : 'the request';
  const by = `${who(event.by)} · ${when(event.at)}`;
  switch (event.type) {
    case 'step_completed': {
      if (step?.milestone || state.status === 'completed') return null;
      const next = currentStep(state, playbook);
      const then = next
        ? `\nNext: ${stepLabel(playbook, next.step.id)}, ${ROLE_LABELS[next.step.role]}.`
        : '';
      return `:white_check_mark: ${at} of ${ref} was completed by ${by}.${then}`;
    }
    case 'changes_requested': {
      const category =
        state.status === 'changes_requested' && state.changes.category
          ? step?.decisions.reject?.categories.find((option) => option.id === state.changes.category)
          : undefined;
      const what = category ? `rejected it (${escapeMrkdwn(category.label)})` : 'asked for changes';
      const deviations =
        event.deviations.length > 0
          ? `\n*What differs*\n${boundedLines(
              event.deviations.map((d) => deviationLine(step, d, false)),
              1200,
            )}`
          : '';
      return (
        `:leftwards_arrow_with_hook: ${who(event.by)} ${what} at ${at} of ${ref} · ${when(event.at)}.\n` +
        `${quoted(event.note, 1200)}${deviations}\nAmend the request to send it back to the desk.`
      );
    }
    case 'deviation_recorded':
      return (
        `:memo: A deviation was recorded on ${ref} at ${at} by ${by}:\n` +
        `${deviationLine(step, event.deviation, false)}\nYou will be asked to correct it.`
      );
    case 'step_rejected':
      if (event.leadsTo === 'requester') return null;
      if (event.leadsTo === 'earlier_step') {
        return `:leftwards_arrow_with_hook: ${at} of ${ref} was rejected by ${by} and sent back to ${stepLabel(playbook, event.goTo)}.\n${quoted(event.reason, 1500)}`;
      }
      return `:no_entry: ${ref} was rejected at ${at} by ${by}.\n${quoted(event.reason, 1500)}`;
    case 'request_booked':
      return milestone(`:ledger: ${ref} is booked`, step, event.evidence, by);
    case 'billing_triggered':
      return milestone(`:credit_card: Billing was triggered for ${ref}`, step, event.evidence, by);
    case 'provisioning_handed_off':
      return milestone(`:truck: ${ref} was handed off to provisioning`, step, event.evidence, by);
    case 'request_completed':
      return `:tada: ${ref} is complete: every step is done (${by}).`;
    case 'cancelled':
      return `:no_entry_sign: ${ref} was cancelled by ${by}.\n${quoted(event.reason, 1500)}`;
    case 'withdrawn':
      return `:no_entry_sign: ${ref} was withdrawn (${by}).`;
    default:
      return null;
  }
}

function milestone(
  title: string,
  step: Step | undefined,
  evidence: Record<string, string>,
  by: string,
): string {
  const lines = step ? evidenceLines(step, evidence) : [];
  return `${title} (${by}).${lines.length > 0 ? `\n${boundedLines(lines, 1500)}` : ''}`;
}

function actionButtons({ event, state, requestId }: RequesterUpdateInput): Block[] {
  const buttons: Block[] = [];
  if (event.type === 'changes_requested' && state.status === 'changes_requested') {
    buttons.push(
      button({ actionId: ACTION.requestAmend, text: 'Amend', value: requestId, style: 'primary' }),
    );
  }
  const open =
    state.status === 'submitted' || state.status === 'in_review' || state.status === 'changes_requested';
  if (open && state.bookedAt === null) {
    buttons.push(
      button({
        actionId: ACTION.requestWithdraw,
        text: 'Withdraw',
        value: requestId,
        style: 'danger',
        confirm: confirmDialog(
          'Withdraw this request?',
          'The desk stops working on it and its quote number is freed. This cannot be undone.',
          'Withdraw',
          'danger',
        ),
      }),
    );
  }
  if (isActive(state)) buttons.push(escalateButton(requestId));
  return buttons;
}
