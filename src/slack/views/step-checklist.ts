// A step's checklist in its thread message: checkboxes (at most 10 per element, so long checklists are
// split into several blocks) and, under each group, who ticked what and when.

import type { ChecklistItem, Step } from '../../domain/playbook/schema.ts';
import type { StepRecord } from '../../domain/workflow/state.ts';
import { ACTION, type StepTarget, stepChecklistBlockId } from '../ids.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { type Block, context, option, type SelectOption } from './elements.ts';
import { when, who } from './step-text.ts';

/** Block Kit's limit of options in one checkboxes element. */
export const CHECKBOX_LIMIT = 10;
/** Groups shown at most (two blocks each), so a message stays far below 50 blocks. */
export const MAX_CHECKLIST_GROUPS = 15;

const OPTIONAL = ' (optional)';
const REQUIRED = ' *';

/**
 * block_id and action_id of the n-th group (0-based). The first group uses the ids from ids.ts as they
 * are; later ones add "|2", "|3"… (the emulator wants action_ids unique across the whole message).
 */
export function checklistGroupIds(target: StepTarget, group: number) {
  const suffix = group === 0 ? '' : `|${group + 1}`;
  return {
    blockId: `${stepChecklistBlockId(target)}${suffix}`,
    actionId: `${ACTION.stepChecklist}${suffix}`,
  };
}

/** True for every action_id a checklist group may carry. */
export function isChecklistActionId(actionId: string): boolean {
  return actionId === ACTION.stepChecklist || /^step_checklist\|\d+$/.test(actionId);
}

/**
 * The checkbox label: optional items end with " (optional)"; mandatory ones with " *" when the checklist
 * mixes both (when every item is mandatory, the legend says so once instead).
 */
export function checklistOption(item: ChecklistItem, markRequired = true): SelectOption {
  const mark = item.mandatory ? (markRequired ? REQUIRED : '') : OPTIONAL;
  return option(item.id, `${truncate(item.label, 75 - mark.length)}${mark}`);
}

/** The line under the checklist that says which items must be ticked. */
export function checklistLegend(step: Step): string | null {
  if (step.checklist.length === 0) return null;
  if (step.checklist.every((item) => item.mandatory)) return 'Tick every item before completing the step.';
  if (step.checklist.some((item) => item.mandatory))
    return 'Items marked * must be ticked before completing.';
  return null;
}

export function checklistBlocks(target: StepTarget, step: Step, record: StepRecord): Block[] {
  const groups: ChecklistItem[][] = [];
  for (let index = 0; index < step.checklist.length; index += CHECKBOX_LIMIT) {
    groups.push(step.checklist.slice(index, index + CHECKBOX_LIMIT));
  }
  const blocks: Block[] = [];
  const mixed = step.checklist.some((item) => !item.mandatory);
  for (const [index, items] of groups.slice(0, MAX_CHECKLIST_GROUPS).entries()) {
    const ids = checklistGroupIds(target, index);
    const options = items.map((item) => checklistOption(item, mixed));
    const ticked = options.filter((candidate) => record.checks[candidate.value]?.ticked);
    blocks.push({
      type: 'actions',
      block_id: ids.blockId,
      elements: [
        {
          type: 'checkboxes',
          action_id: ids.actionId,
          options,
          ...(ticked.length > 0 ? { initial_options: ticked } : {}),
        },
      ],
    });
    const stamps = tickStamps(items, record);
    if (stamps.length > 0) blocks.push(context(...stamps));
  }
  const hidden = step.checklist.length - MAX_CHECKLIST_GROUPS * CHECKBOX_LIMIT;
  if (hidden > 0) blocks.push(context(`_…and ${hidden} more items: the checklist is too long to show._`));
  const legend = checklistLegend(step);
  if (legend) blocks.push(context(legend));
  return blocks;
}

/** "✓ Quote has not expired · @x · Nov 23 at 10:42" for each ticked item of a group. */
export function tickStamps(items: readonly ChecklistItem[], record: StepRecord): string[] {
  return items.flatMap((item) => {
    const check = record.checks[item.id];
    if (!check?.ticked) return [];
    return [`✓ ${escapeMrkdwn(truncate(item.label, 40))} · ${who(check.by)} · ${when(check.at)}`];
  });
}

/** The finished step's checklist as text: ticked items with their stamp, unticked ones struck. */
export function checklistSummary(step: Step, record: StepRecord): string[] {
  return step.checklist.map((item) => {
    const check = record.checks[item.id];
    const label = escapeMrkdwn(truncate(item.label, 120));
    return check?.ticked ? `✓ ${label} · ${who(check.by)}` : `◻︎ ${label}${item.mandatory ? '' : OPTIONAL}`;
  });
}
