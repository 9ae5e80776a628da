// Work on the active step that does not move the request: ticking, taking, recording deviations,
// escalating, and a desk admin reassigning it.

import type {
  EscalateCommand,
  ReassignCommand,
  RecordDeviationCommand,
  TakeCommand,
  TickCommand,
} from './commands.ts';
import { alreadyDone, invalid, type Refusal } from './refusals.ts';
import type { Deviation, StepRecord } from './state.ts';
import { noteText, notOffered, type StepContext } from './step-context.ts';
import { type Change, replaceStep, withTrail } from './transitions.ts';

function withRecord(ctx: StepContext, update: (record: StepRecord) => StepRecord) {
  return { ...ctx.state, steps: replaceStep(ctx.state.steps, ctx.step.id, update) };
}

export function tick(ctx: StepContext, command: TickCommand): Change | Refusal {
  const item = ctx.step.checklist.find((candidate) => candidate.id === command.itemId);
  if (!item) return invalid('itemId', `${ctx.step.title} has no checklist item "${command.itemId}".`);
  const ticked = command.type === 'tick';
  const check = ctx.record.checks[item.id];
  const unchanged = check ? check.ticked === ticked : !ticked;
  const { selectedAt } = command;
  const noted = (record: StepRecord): StepRecord =>
    selectedAt === undefined
      ? record
      : { ...record, selections: { ...record.selections, [item.id]: selectedAt } };
  if (unchanged && selectedAt !== undefined) {
    return { ok: true, state: withRecord(ctx, noted), events: [] };
  }
  if (check && check.ticked === ticked) {
    return alreadyDone(ticked ? 'ticked' : 'unticked', check, ctx.step.id, `"${item.label}"`);
  }
  if (!check && !ticked) return invalid('itemId', `"${item.label}" is not ticked.`);
  const state = withRecord(ctx, (record) => ({
    ...noted(record),
    checks: { ...record.checks, [item.id]: { ticked, by: ctx.by, at: ctx.at } },
  }));
  const type = ticked ? 'item_ticked' : 'item_unticked';
  return {
    ok: true,
    state,
    events: [{ type, stepId: ctx.step.id, itemId: item.id, by: ctx.by, at: ctx.at }],
  };
}

export function take(ctx: StepContext, _command: TakeCommand): Change | Refusal {
  const previous = ctx.record.assignee;
  if (previous?.userId === ctx.by) return alreadyDone('taken', previous, ctx.step.id, ctx.step.title);
  const state = withRecord(ctx, (record) => ({
    ...record,
    assignee: { userId: ctx.by, by: ctx.by, at: ctx.at },
  }));
  return {
    ok: true,
    state: withTrail(state, {
      action: 'taken',
      by: ctx.by,
      at: ctx.at,
      stepId: ctx.step.id,
      subjectId: null,
      detail: null,
    }),
    events: [
      {
        type: 'step_taken',
        stepId: ctx.step.id,
        previousAssigneeId: previous?.userId ?? null,
        by: ctx.by,
        at: ctx.at,
      },
    ],
  };
}

export function recordDeviation(ctx: StepContext, command: RecordDeviationCommand): Change | Refusal {
  const allowed = ctx.step.decisions.record_deviation;
  if (!allowed) return notOffered(ctx, 'record_deviation');
  const field = allowed.fields.find((candidate) => candidate.id === command.field);
  if (!field) {
    const names = allowed.fields.map((candidate) => candidate.label).join(', ');
    return invalid('field', `Choose the field that deviates: ${names}.`);
  }
  const existing = ctx.record.deviations.find((deviation) => deviation.field === field.id);
  if (existing)
    return alreadyDone('deviation_recorded', existing, ctx.step.id, `The deviation on ${field.label}`);
  const expected = noteText('expected', 'the expected value', command.expected, true);
  if (!expected.ok) return expected;
  const actual = noteText('actual', 'the actual value', command.actual, true);
  if (!actual.ok) return actual;
  const note = noteText('note', 'the note', command.note, false);
  if (!note.ok) return note;
  const deviation: Deviation = {
    field: field.id,
    expected: expected.text,
    actual: actual.text,
    note: note.text,
    by: ctx.by,
    at: ctx.at,
  };
  const state = withRecord(ctx, (record) => ({ ...record, deviations: [...record.deviations, deviation] }));
  return {
    ok: true,
    state: withTrail(state, {
      action: 'deviation_recorded',
      by: ctx.by,
      at: ctx.at,
      stepId: ctx.step.id,
      subjectId: null,
      detail: `${field.label}: expected ${deviation.expected}, got ${deviation.actual}`,
    }),
    events: [{ type: 'deviation_recorded', stepId: ctx.step.id, deviation, by: ctx.by, at: ctx.at }],
  };
}

/** The step stays active and flagged; whoever resolves the escalation completes it as usual. */
export function escalate(ctx: StepContext, command: EscalateCommand): Change | Refusal {
  const allowed = ctx.step.decisions.escalate;
  if (!allowed) return notOffered(ctx, 'escalate');
  const category = allowed.categories.find((candidate) => candidate.id === command.category);
  if (!category) {
    return invalid('category', `Choose why: ${allowed.categories.map((option) => option.label).join(', ')}.`);
  }
  const note = noteText('note', 'a note for whoever resolves it', command.note, true);
  if (!note.ok) return note;
  const escalation = { category: category.id, note: note.text, by: ctx.by, at: ctx.at };
  const state = withRecord(ctx, (record) => ({
    ...record,
    escalations: [...record.escalations, escalation],
  }));
  return {
    ok: true,
    state: withTrail(state, {
      action: 'escalated',
      by: ctx.by,
      at: ctx.at,
      stepId: ctx.step.id,
      subjectId: null,
      detail: `${category.label} → ${allowed.escalateTo}`,
    }),
    events: [
      {
        type: 'escalated',
        stepId: ctx.step.id,
        category: category.id,
        note: note.text,
        escalateTo: allowed.escalateTo,
        by: ctx.by,
        at: ctx.at,
      },
    ],
  };
}

/** The caller checks that `to` holds the step's role in the region; the domain only knows the requester. */
export function reassign(ctx: StepContext, command: ReassignCommand): Change | Refusal {
  const to = command.to.trim();
  if (to === '') return invalid('to', 'Choose who takes the step over.');
  if (to === ctx.state.requesterId)
    return invalid('to', 'The requester cannot work on a step of their own request.');
  const previous = ctx.record.assignee;
  if (previous?.userId === to) return alreadyDone('assigned', previous, ctx.step.id, ctx.step.title);
  const reason = noteText('reason', 'the reason for the reassignment', command.reason, true);
  if (!reason.ok) return reason;
  const state = withRecord(ctx, (record) => ({
    ...record,
    assignee: { userId: to, by: ctx.by, at: ctx.at },
  }));
  return {
    ok: true,
    state: withTrail(state, {
      action: 'reassigned',
      by: ctx.by,
      at: ctx.at,
      stepId: ctx.step.id,
      subjectId: to,
      detail: reason.text,
    }),
    events: [
      {
        type: 'reassigned',
        stepId: ctx.step.id,
        from: previous?.userId ?? null,
        to,
        reason: reason.text,
        by: ctx.by,
        at: ctx.at,
      },
    ],
  };
}
