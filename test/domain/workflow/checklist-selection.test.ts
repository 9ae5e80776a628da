// Checkbox selections: one batch of tick/untick commands per selection, the newest selection of each
// item winning whatever order they are handled in, and Slack's action_ts compared as a time.

import { describe, expect, it } from 'vitest';
import {
  type ChecklistSelection,
  compareActionTs,
  parseActionTs,
  selectionCommands,
} from '../../../src/domain/workflow/checklist-selection.ts';
import { decide } from '../../../src/domain/workflow/decide.ts';
import type { WorkflowState } from '../../../src/domain/workflow/state.ts';
import { at, om, outsider, playbook, started, stepOf } from './support.ts';

const step = stepOf('verify_quote');
const itemIds = step.checklist.map((item) => item.id);

function selection(selected: readonly string[], selectedAt: string | null): ChecklistSelection {
  return { stepId: step.id, itemIds, selected: new Set(selected), selectedAt, actor: om, at: at(1) };
}

/** Applies a selection as the app does: its commands in order on the current state. */
function select(state: WorkflowState, chosen: ChecklistSelection): WorkflowState {
  let current = state;
  for (const command of selectionCommands(current, chosen)) {
    const decided = decide(current, command, playbook);
    if (!decided.ok) throw new Error(decided.message);
    current = decided.state;
  }
  return current;
}

const ticked = (state: WorkflowState) =>
  itemIds.filter((id) => state.steps.find((record) => record.id === step.id)?.checks[id]?.ticked);

describe('a checkbox selection', () => {
  it('sets every item of the group as selected, and remembers when', () => {
    const state = select(started(), selection([itemIds[0]!, itemIds[2]!], '1795462267.000100'));
    expect(ticked(state)).toEqual([itemIds[0], itemIds[2]]);
    const record = state.steps.find((candidate) => candidate.id === step.id);
    expect(Object.values(record?.selections ?? {})).toEqual(itemIds.map(() => '1795462267.000100'));
  });

  it('handled out of order, the newest selection wins', () => {
    const newer = selection(itemIds, '1795462267.000300');
    const older = selection([], '1795462267.000200');
    const inOrder = select(select(started(), older), newer);
    const reversed = select(select(started(), newer), older);
    expect(ticked(inOrder)).toEqual(itemIds);
    expect(ticked(reversed)).toEqual(itemIds);
    // the late older one has nothing left to do
    expect(selectionCommands(select(started(), newer), older)).toEqual([]);
  });

  it('a newer selection that only confirms what is shown still outranks a late older one', () => {
    // ticked at .100; unticked at .200 (late); ticked again at .300, handled before .200
    const first = select(started(), selection(itemIds, '1795462267.000100'));
    const confirmed = select(first, selection(itemIds, '1795462267.000300'));
    expect(confirmed.version).toBeGreaterThan(first.version);
    expect(ticked(select(confirmed, selection([], '1795462267.000200')))).toEqual(itemIds);
  });

  it('without an action_ts only the differences become commands, as before', () => {
    const state = select(started(), selection([itemIds[1]!], null));
    expect(selectionCommands(state, selection([itemIds[1]!], null))).toEqual([]);
    expect(selectionCommands(state, selection([], null)).map((command) => command.type)).toEqual(['untick']);
  });

  it('is refused as a whole for someone without the step’s role', () => {
    const [command] = selectionCommands(started(), {
      ...selection(itemIds, '1795462267.1'),
      actor: outsider,
    });
    const decided = decide(started(), command!, playbook);
    expect(decided.ok).toBe(false);
  });
});

describe('action_ts', () => {
  it('compares as a time, whatever the number of fraction digits', () => {
    expect(compareActionTs('1795462267.5', '1795462267.400000')).toBe(1);
    expect(compareActionTs('1795462267.000001', '1795462267.00001')).toBe(-1);
    expect(compareActionTs('999999999.9', '1795462267.0')).toBe(-1);
    expect(compareActionTs('1795462267.120', '1795462267.12')).toBe(0);
  });

  it('accepts only Slack’s shape', () => {
    expect(parseActionTs('1795462267.449000')).toBe('1795462267.449000');
    expect(parseActionTs('1795462267')).toBe('1795462267');
    for (const bad of ['', 'abc', '1.2.3', '-1.5', ' 1.5', 42, null, undefined, '1'.repeat(40)]) {
      expect(parseActionTs(bad)).toBeNull();
    }
  });
});
