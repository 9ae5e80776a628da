// Where a request stands in its playbook, for the status card: the current step and who holds it, a
// progress bar, deviations, the last action and a compact history. At most six blocks, whatever the
// length of the history, so the card stays far below Block Kit's 50.

import type { Playbook } from '../../domain/playbook/schema.ts';
import { ROLE_LABELS, type Role } from '../../domain/roles.ts';
import { currentStep, history, progress } from '../../domain/workflow/queries.ts';
import type { WorkflowState } from '../../domain/workflow/state.ts';
import { type Block, context, divider, section } from './elements.ts';
import { recentTrail, stepLabel, trailLine } from './request-history.ts';
import { boundedLines, deviationLine, quoted, stepHeading, userText, when, who } from './step-text.ts';

export { type RefusalNames, refusalText } from './request-refusal.ts';
export { type RequesterUpdateInput, requesterUpdate } from './request-update.ts';

export interface CardProgressInput {
  state: WorkflowState;
  /** The playbook version the request walks (`state.playbook`). */
  playbook: Playbook;
  /** The rendered mention (or label) of a role's group in the request's region, e.g. "Billing EMEA". */
  roleMention?: (role: Role) => string;
  /** History entries shown before "…N earlier" (default 8). */
  maxHistory?: number;
}

/** "▰▰▰▱▱▱▱ 3/7": steps completed out of all steps. */
export function progressBar(completed: number, total: number): string {
  const width = Math.min(total, 20);
  const filled = total === 0 ? 0 : Math.round((completed / total) * width);
  return `${'▰'.repeat(filled)}${'▱'.repeat(width - filled)} ${completed}/${total}`;
}

export function cardProgressBlocks(input: CardProgressInput): Block[] {
  const { state, playbook } = input;
  const done = progress(state);
  const blocks: Block[] = [
    divider(),
    section(`${whereItStands(input)}\n${progressBar(done.completed, done.total)}`),
  ];
  const deviations = state.steps.flatMap((record) => {
    const step = playbook.steps.find((candidate) => candidate.id === record.id);
    return record.deviations.map((deviation) => deviationLine(step, deviation, false));
  });
  if (deviations.length > 0) {
    blocks.push(section(`:warning: *Deviations (${deviations.length})*\n${boundedLines(deviations, 2700)}`));
  }
  const trail = history(state);
  const last = trail.at(-1);
  if (last) blocks.push(context(`*Last action* ${trailLine(last, playbook).replace(/^• /, '')}`));
  if (trail.length > 1) {
    const lines = recentTrail(trail, playbook, input.maxHistory ?? 8);
    blocks.push(section(`*History*\n${boundedLines(lines, 2800)}`));
  }
  return blocks;
}

/** The first line of the progress section: the step being worked, or why nothing is. */
function whereItStands({ state, playbook, roleMention }: CardProgressInput): string {
  const current = currentStep(state, playbook);
  const total = playbook.steps.length;
  if (state.status === 'changes_requested') {
    const at = current ? stepHeading(current.number, total, current.step.title) : 'a step';
    const note = state.changes.note ? `\n${quoted(state.changes.note, 500)}` : '';
    return (
      `:leftwards_arrow_with_hook: *Waiting on the requester* (${who(state.requesterId)}): ` +
      `${who(state.changes.by)} asked for changes at ${userText(at, 200)} · ${when(state.changes.at)}${note}`
    );
  }
  if (state.status === 'completed')
    return `:tada: *Completed* · all ${total} steps done · ${when(state.closure.at)}`;
  if (state.status === 'rejected' || state.status === 'withdrawn' || state.status === 'cancelled') {
    const verb = { rejected: 'Rejected', withdrawn: 'Withdrawn', cancelled: 'Cancelled' }[state.status];
    const at = state.closure.stepId ? ` at ${stepLabel(playbook, state.closure.stepId)}` : '';
    const reason = state.closure.reason ? `\n${quoted(state.closure.reason, 500)}` : '';
    return `:no_entry: *${verb}* by ${who(state.closure.by)}${at} · ${when(state.closure.at)}${reason}`;
  }
  if (!current) return '*In progress*';
  const role = roleMention?.(current.step.role) ?? ROLE_LABELS[current.step.role];
  const holder = current.record.assignee
    ? `taken by ${who(current.record.assignee.userId)}`
    : 'not taken yet';
  const escalations = current.record.escalations.length;
  const flag =
    escalations > 0 ? ` · :rotating_light: escalated${escalations > 1 ? ` ×${escalations}` : ''}` : '';
  return `*${userText(stepHeading(current.number, total, current.step.title), 200)}* · ${role} · ${holder}${flag}`;
}
