// The message of one step in its request's thread: posted when the step becomes active and re-rendered
// after every change to it. Active steps are worked in place (checklist, buttons); finished ones show
// their outcome and nothing to click.

import type { Step } from '../../domain/playbook/schema.ts';
import { ROLE_LABELS } from '../../domain/roles.ts';
import type { StepRecord, TrailEntry } from '../../domain/workflow/state.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { type Block, context, fields, header, section } from './elements.ts';
import { stepButtons } from './step-buttons.ts';
import { checklistBlocks, checklistSummary } from './step-checklist.ts';
import {
  boundedLines,
  deviationLine,
  escalationLine,
  evidenceLines,
  quoted,
  stepHeading,
  userText,
  when,
  who,
} from './step-text.ts';

export interface StepMessageInput {
  requestId: string;
  reference: string;
  /** The step as the request's playbook version declares it. */
  step: Step;
  record: StepRecord;
  stepNumber: number;
  stepCount: number;
  /** Rendered mrkdwn for the role in the request's region ("<!subteam^S…>") or a plain role label. */
  roleMention: string;
  /** Why the step's last run ended: the rejection reason or the note to the requester (see `outcomeNote`). */
  outcomeNote?: string | null;
  /** Display names by user id, for plain-text places where mentions do not render. */
  userNames?: Readonly<Record<string, string>>;
}

export function stepMessage(input: StepMessageInput): { text: string; blocks: Block[] } {
  const { step, record, reference } = input;
  const heading = stepHeading(input.stepNumber, input.stepCount, step.title);
  const blocks: Block[] = [header(heading)];
  if (record.status === 'active') blocks.push(...activeBlocks(input));
  else blocks.push(...finishedBlocks(input));
  blocks.push(context(`${escapeMrkdwn(reference)} · ${escapeMrkdwn(ROLE_LABELS[step.role])}`));
  return { text: `${escapeMrkdwn(reference)} · ${escapeMrkdwn(heading)} · ${summary(record)}`, blocks };
}

/** The note of the trail entry that ended the step's last run (rejection reason, changes note). */
export function outcomeNote(trail: readonly TrailEntry[], stepId: string): string | null {
  for (let index = trail.length - 1; index >= 0; index--) {
    const entry = trail[index]!;
    if (entry.stepId !== stepId) continue;
    if (entry.action === 'rejected' || entry.action === 'changes_requested') return entry.detail;
    if (entry.action === 'completed') return null;
  }
  return null;
}

function activeBlocks(input: StepMessageInput): Block[] {
  const { step, record, requestId } = input;
  const target = { requestId, stepId: step.id };
  const taken = record.assignee
    ? `*Taken by*\n${who(record.assignee.userId)} · ${when(record.assignee.at)}`
    : '*Taken by*\n_Not taken yet_';
  const blocks: Block[] = [fields(`*Owner*\n${owner(input)}`, taken)];
  if (step.instructions) blocks.push(context(escapeMrkdwn(truncate(step.instructions, 1900))));
  if (step.checklist.length > 0) blocks.push(...checklistBlocks(target, step, record));
  blocks.push(...recordedBlocks(input));
  blocks.push(
    stepButtons({ target, step, record, ...(input.userNames ? { userNames: input.userNames } : {}) }),
  );
  return blocks;
}

/** Deviations and escalations recorded during the step's current run. */
function recordedBlocks({ step, record }: StepMessageInput): Block[] {
  const blocks: Block[] = [];
  if (record.deviations.length > 0) {
    const lines = record.deviations.map((deviation) => deviationLine(step, deviation));
    blocks.push(
      section(`:warning: *Deviations (${record.deviations.length})*\n${boundedLines(lines, 2700)}`),
    );
  }
  if (record.escalations.length > 0) {
    const to = step.decisions.escalate?.escalateTo;
    const title = `:rotating_light: *Escalated${to ? ` to ${escapeMrkdwn(to)}` : ''}*`;
    const lines = record.escalations.map((escalation) => escalationLine(step, escalation));
    blocks.push(section(`${title}\n${boundedLines(lines, 2700)}`));
  }
  return blocks;
}

function finishedBlocks(input: StepMessageInput): Block[] {
  const { step, record } = input;
  const blocks: Block[] = [section(outcomeText(input))];
  if (record.status === 'completed' && record.evidence && Object.keys(record.evidence).length > 0) {
    blocks.push(section(`*Evidence*\n${boundedLines(evidenceLines(step, record.evidence), 2700)}`));
  }
  if (record.status !== 'pending' && step.checklist.length > 0) {
    blocks.push(context(boundedLines(checklistSummary(step, record), 1900)));
  }
  if (record.status !== 'pending') blocks.push(...recordedBlocks(input));
  return blocks;
}

function outcomeText(input: StepMessageInput): string {
  const { record } = input;
  const note = input.outcomeNote?.trim() ? `\n${quoted(input.outcomeNote, 2000)}` : '';
  if (record.status === 'completed') {
    const done = record.outcome;
    return `:white_check_mark: *Completed*${done ? ` by ${who(done.by)} · ${when(done.at)}` : ''}`;
  }
  const outcome = record.outcome;
  if (record.status === 'pending') {
    const last = outcome
      ? ` It was last ${OUTCOME_WORDS[outcome.kind]} by ${who(outcome.by)} · ${when(outcome.at)}.`
      : '';
    return `:hourglass_flowing_sand: *Not active.* It runs again once the steps before it are done.${last}`;
  }
  if (!outcome) return '*Stopped*';
  const stamp = `${who(outcome.by)} · ${when(outcome.at)}`;
  switch (outcome.kind) {
    case 'completed':
      return `:white_check_mark: *Completed* by ${stamp}`;
    case 'changes_requested':
      return `:leftwards_arrow_with_hook: *Changes requested* by ${stamp}${note}`;
    case 'rejected':
      return `:no_entry: *Rejected* by ${stamp}${input.outcomeNote?.trim() ? ` — ${userText(input.outcomeNote, 2000)}` : ''}`;
    case 'withdrawn':
      return `:no_entry_sign: *Withdrawn* by the requester (${stamp})`;
    case 'cancelled':
      return `:no_entry_sign: *Cancelled* by ${stamp}${note}`;
  }
}

const OUTCOME_WORDS = {
  completed: 'completed',
  rejected: 'rejected',
  changes_requested: 'sent back for changes',
  withdrawn: 'withdrawn',
  cancelled: 'cancelled',
} as const;

function owner({ step, roleMention }: StepMessageInput): string {
  const label = ROLE_LABELS[step.role];
  return roleMention.trim() === '' || roleMention === label ? label : `${label} · ${roleMention}`;
}

function summary(record: StepRecord): string {
  if (record.status === 'active')
    return record.assignee ? `taken by ${who(record.assignee.userId)}` : 'not taken yet';
  if (record.status === 'completed') return 'completed';
  if (record.status === 'pending') return 'not active';
  return record.outcome ? OUTCOME_WORDS[record.outcome.kind] : 'stopped';
}
