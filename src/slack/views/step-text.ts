// Text pieces shared by the step message, the step modals and the request summaries: who and when,
// evidence, deviations and escalations, each escaped where user text enters mrkdwn.

import type { EvidenceField } from '../../domain/playbook/evidence.ts';
import type { Step } from '../../domain/playbook/schema.ts';
import type { Deviation, Escalation } from '../../domain/workflow/state.ts';
import { escapeMrkdwn, mentionUser, truncate } from '../mrkdwn.ts';
import { slackDate } from './formatting.ts';

// Slack user ids (U…, W… on Enterprise Grid); test workspaces also use ids like U_REP.
const SLACK_USER = /^[UW][A-Za-z0-9_]{1,30}$/;

/** A mention when the value is a Slack user id, else the escaped text. */
export function who(userId: string): string {
  return SLACK_USER.test(userId) ? mentionUser(userId) : escapeMrkdwn(userId);
}

/** "at 10:42, Nov 23" in the reader's time zone, for "already done by @x at …". */
export function slackTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return escapeMrkdwn(iso);
  const seconds = Math.floor(at.getTime() / 1000);
  const fallback = `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${seconds}^{time}, {date_short_pretty}|${fallback}>`;
}

/** Slack's localised "Nov 23 at 10:42" for an ISO time from the workflow state. */
export function when(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? escapeMrkdwn(iso) : slackDate(at);
}

/** "by @x, <date>": the compact stamp of who did something and when. */
export function stamp(by: string, at: string): string {
  return `by ${who(by)} · ${when(at)}`;
}

/** User text for mrkdwn, cut to `max` and escaped (the cut is made before escaping). */
export function userText(text: string, max = 300): string {
  return escapeMrkdwn(truncate(text.replace(/\s+/g, ' ').trim(), max));
}

/** Multi-line user text as a mrkdwn quote, every line escaped. */
export function quoted(text: string, max = 1500): string {
  return truncate(text.trim(), max)
    .split('\n')
    .map((line) => `>${escapeMrkdwn(line)}`)
    .join('\n');
}

/** As many lines as fit in `max` characters (a section's text), then "…and N more". */
export function boundedLines(lines: readonly string[], max = 2800): string {
  const out: string[] = [];
  let length = 0;
  for (const [index, line] of lines.entries()) {
    const rest = lines.length - index;
    if (length + line.length + 1 > max - 30) {
      out.push(`_…and ${rest} more_`);
      break;
    }
    out.push(line);
    length += line.length + 1;
  }
  return out.join('\n');
}

export function stepHeading(stepNumber: number, stepCount: number, title: string): string {
  return `Step ${stepNumber}/${stepCount} · ${title}`;
}

/** One evidence value as people read it: references as code, users as mentions, choices by label. */
export function evidenceValue(field: EvidenceField | undefined, value: string): string {
  if (!field) return userText(value, 200);
  switch (field.type) {
    case 'reference':
      return `\`${userText(value, 120).replaceAll('`', "'")}\``;
    case 'slack_user':
      return who(value);
    case 'choice':
      return escapeMrkdwn(field.options.find((candidate) => candidate.id === value)?.label ?? value);
    case 'date':
      return userText(value, 40);
    case 'text':
      return userText(value, 500);
  }
}

/** "• *CRM order ID*: `SO-104233`" for every evidence value recorded, in the step's field order. */
export function evidenceLines(step: Step, evidence: Readonly<Record<string, string>>): string[] {
  const known = step.evidence
    .filter((field) => evidence[field.id] !== undefined)
    .map((field) => `• *${escapeMrkdwn(field.label)}*: ${evidenceValue(field, evidence[field.id]!)}`);
  const unknown = Object.keys(evidence)
    .filter((key) => !step.evidence.some((field) => field.id === key))
    .map((key) => `• *${userText(key, 60)}*: ${userText(evidence[key]!, 200)}`);
  return [...known, ...unknown];
}

export function deviationFieldLabel(step: Step | undefined, fieldId: string): string {
  const declared = step?.decisions.record_deviation?.fields.find((field) => field.id === fieldId);
  return declared?.label ?? fieldId.replaceAll('_', ' ');
}

/** "• *Start date*: expected `2026-01-01` → actual `2026-02-01` — note" */
export function deviationLine(step: Step | undefined, deviation: Deviation, withStamp = true): string {
  const label = escapeMrkdwn(deviationFieldLabel(step, deviation.field));
  const note = deviation.note ? ` — ${userText(deviation.note, 200)}` : '';
  const by = withStamp ? ` _(${stamp(deviation.by, deviation.at)})_` : '';
  return `• *${label}*: expected ${userText(deviation.expected, 150)} → actual ${userText(deviation.actual, 150)}${note}${by}`;
}

export function escalationLine(step: Step, escalation: Escalation): string {
  const category =
    step.decisions.escalate?.categories.find((candidate) => candidate.id === escalation.category)?.label ??
    escalation.category;
  return `• *${escapeMrkdwn(category)}*: ${userText(escalation.note, 300)} _(${stamp(escalation.by, escalation.at)})_`;
}
