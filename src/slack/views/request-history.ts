// The compact trail of a request as lines people read: who did what to which step, and when.

import type { Playbook } from '../../domain/playbook/schema.ts';
import type { TrailEntry } from '../../domain/workflow/state.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import { userText, when, who } from './step-text.ts';

/** "Step 2 (Confirm the subscription terms)", or the raw id of a step the playbook does not know. */
export function stepLabel(playbook: Playbook, stepId: string | null): string {
  if (stepId === null) return 'the request';
  const index = playbook.steps.findIndex((step) => step.id === stepId);
  if (index < 0) return `step ${escapeMrkdwn(stepId)}`;
  return `Step ${index + 1} (${escapeMrkdwn(playbook.steps[index]!.title)})`;
}

/** What one trail entry says, without who and when. */
export function trailAction(entry: TrailEntry, playbook: Playbook): string {
  const step = stepLabel(playbook, entry.stepId);
  const detail = entry.detail ? `: ${userText(entry.detail, 140)}` : '';
  switch (entry.action) {
    case 'started':
      return 'submitted the request';
    case 'taken':
      return `took ${step}`;
    case 'completed':
      return `completed ${step}`;
    case 'rejected':
      return `rejected ${step}${detail}`;
    case 'changes_requested':
      return `requested changes at ${step}${detail}`;
    case 'deviation_recorded':
      return `recorded a deviation at ${step}${detail}`;
    case 'escalated':
      return `escalated ${step}${detail}`;
    case 'amended':
      return `amended the request, resuming at ${step}${detail}`;
    case 'withdrawn':
      return `withdrew the request${detail}`;
    case 'reassigned':
      return `gave ${step} to ${entry.subjectId ? who(entry.subjectId) : 'someone else'}${detail}`;
    case 'cancelled':
      return `cancelled the request${detail}`;
  }
}

/** "• @x completed Step 1 (Verify the quote) · Nov 23 at 10:42" */
export function trailLine(entry: TrailEntry, playbook: Playbook): string {
  return `• ${who(entry.by)} ${trailAction(entry, playbook)} · ${when(entry.at)}`;
}

/** The last `max` entries, oldest first, after an "…N earlier" line when some are left out. */
export function recentTrail(trail: readonly TrailEntry[], playbook: Playbook, max = 8): string[] {
  const shown = trail.slice(Math.max(0, trail.length - max));
  const earlier = trail.length - shown.length;
  const lines = shown.map((entry) => trailLine(entry, playbook));
  return earlier > 0 ? [`_…${earlier} earlier_`, ...lines] : lines;
}
