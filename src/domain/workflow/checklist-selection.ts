// A checkbox group on a step's message says which of its items are ticked now. Applied as one batch
// against the request's current state, with Slack's `action_ts` deciding between selections that are
// handled out of order: the newest selection of each item wins, whatever order they arrive in.

import type { Actor, TickCommand } from './commands.ts';
import type { WorkflowState } from './state.ts';

export interface ChecklistSelection {
  stepId: string;
  /** The items the group shows. */
  itemIds: readonly string[];
  /** Those ticked in the selection. */
  selected: ReadonlySet<string>;
  /** Slack's `action_ts` of the selection; null when the payload had none (then only differences count). */
  selectedAt: string | null;
  actor: Actor;
  at: Date;
}

/** The tick/untick commands that make `state` match the selection, skipping items a newer one set. */
export function selectionCommands(state: WorkflowState, selection: ChecklistSelection): TickCommand[] {
  const record = state.steps.find((step) => step.id === selection.stepId);
  const { selectedAt } = selection;
  return selection.itemIds.flatMap((itemId): TickCommand[] => {
    const wanted = selection.selected.has(itemId);
    if (selectedAt === null) {
      if ((record?.checks[itemId]?.ticked === true) === wanted) return [];
    } else {
      const seen = record?.selections?.[itemId];
      if (seen !== undefined && compareActionTs(seen, selectedAt) >= 0) return [];
    }
    const base = { type: wanted ? 'tick' : 'untick', itemId, stepId: selection.stepId } as const;
    return [
      {
        ...base,
        actor: selection.actor,
        at: selection.at,
        ...(selectedAt === null ? {} : { selectedAt }),
      },
    ];
  });
}

const ACTION_TS = /^(\d{1,12})(?:\.(\d{1,9}))?$/;

/** A well-formed `action_ts` ("1763924000.123456"), or null. */
export function parseActionTs(raw: unknown): string | null {
  return typeof raw === 'string' && ACTION_TS.test(raw) ? raw : null;
}

/** Orders two well-formed `action_ts` values as times (negative when `a` is earlier). */
export function compareActionTs(a: string, b: string): number {
  const [secondsA, fractionA] = split(a);
  const [secondsB, fractionB] = split(b);
  if (secondsA !== secondsB) return secondsA < secondsB ? -1 : 1;
  return fractionA === fractionB ? 0 : fractionA < fractionB ? -1 : 1;
}

function split(ts: string): [bigint, string] {
  const match = ACTION_TS.exec(ts);
  return [BigInt(match?.[1] ?? '0'), (match?.[2] ?? '').padEnd(9, '0')];
}
