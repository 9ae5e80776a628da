// The buttons under an active step: take it, decide it, record what deviates, escalate. Which ones show
// follows the step's declared decisions; every value names the request and the step.

import type { Step } from '../../domain/playbook/schema.ts';
import type { StepRecord } from '../../domain/workflow/state.ts';
import { ACTION, type StepTarget, stepTargetValue } from '../ids.ts';
import { truncate } from '../mrkdwn.ts';
import { type Block, plain } from './elements.ts';

export const STEP_ACTIONS_BLOCK_ID = 'step_actions';

export interface ConfirmDialog {
  title: { type: 'plain_text'; text: string };
  text: { type: 'plain_text'; text: string };
  confirm: { type: 'plain_text'; text: string };
  deny: { type: 'plain_text'; text: string };
  style?: 'primary' | 'danger';
}

/** Slack's limits: title 100, text 300, confirm and deny 30 characters. */
export function confirmDialog(
  title: string,
  text: string,
  confirm: string,
  style?: 'primary' | 'danger',
): ConfirmDialog {
  return {
    title: { type: 'plain_text', text: truncate(title, 100) },
    text: { type: 'plain_text', text: truncate(text, 300) },
    confirm: { type: 'plain_text', text: truncate(confirm, 30) },
    deny: { type: 'plain_text', text: 'Go back' },
    ...(style ? { style } : {}),
  };
}

export interface ButtonSpec {
  actionId: string;
  text: string;
  value: string;
  style?: 'primary' | 'danger';
  confirm?: ConfirmDialog;
}

export function button(spec: ButtonSpec): Block {
  return {
    type: 'button',
    action_id: spec.actionId,
    text: plain(spec.text, 75),
    value: spec.value,
    ...(spec.style ? { style: spec.style } : {}),
    ...(spec.confirm ? { confirm: spec.confirm } : {}),
  };
}

export interface StepButtonsInput {
  target: StepTarget;
  step: Step;
  record: StepRecord;
  /** Display names by user id, for the plain-text confirm dialog of "Take over". */
  userNames?: Readonly<Record<string, string>>;
}

/** The actions block of an active step. */
export function stepButtons({ target, step, record, userNames }: StepButtonsInput): Block {
  const value = stepTargetValue(target);
  const holder = record.assignee?.userId;
  const elements: Block[] = [
    holder
      ? button({
          actionId: ACTION.stepTake,
          text: 'Take over',
          value,
          confirm: confirmDialog(
            'Take over this step?',
            `${userNames?.[holder] ?? 'Someone else'} holds "${step.title}". Take it over from them?`,
            'Take over',
          ),
        })
      : button({ actionId: ACTION.stepTake, text: 'Take it', value }),
    button({ actionId: ACTION.stepComplete, text: 'Complete', value, style: 'primary' }),
  ];
  if (step.decisions.reject) {
    elements.push(
      button({
        actionId: ACTION.stepReject,
        text: 'Reject',
        value,
        style: 'danger',
        confirm: confirmDialog(
          'Reject this step?',
          step.decisions.reject.leadsTo === 'rejection'
            ? 'Rejecting ends the request. You will be asked for the reason.'
            : 'Rejecting sends the request back. You will be asked for the reason.',
          'Reject',
          'danger',
        ),
      }),
    );
  }
  if (step.decisions.request_changes) {
    elements.push(button({ actionId: ACTION.stepRequestChanges, text: 'Request changes', value }));
  }
  if (step.decisions.record_deviation) {
    elements.push(button({ actionId: ACTION.stepDeviation, text: 'Record deviation', value }));
  }
  if (step.decisions.escalate) {
    elements.push(button({ actionId: ACTION.stepEscalate, text: 'Escalate', value }));
  }
  return { type: 'actions', block_id: STEP_ACTIONS_BLOCK_ID, elements };
}
