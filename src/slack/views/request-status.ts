// `/book status` and `/book mine`: where requests stand, only for the person who asked.

import type { SlaSnapshot } from '../../app/sla-snapshot.ts';
import type { BookingSnapshot } from '../../domain/booking/snapshot.ts';
import type { Playbook } from '../../domain/playbook/schema.ts';
import { STATUS_LABELS } from '../../domain/status.ts';
import { currentStep, progress } from '../../domain/workflow/queries.ts';
import { escapeMrkdwn, link, mentionUser, truncate } from '../mrkdwn.ts';
import { type Block, context, section } from './elements.ts';
import { slaLines } from './sla-status.ts';
import { contractValue } from './status-card.ts';

export interface StatusEntry {
  booking: BookingSnapshot;
  playbook: Playbook;
  /** The thread's permalink when known. */
  threadUrl: string | null;
  /** The mention of the current step's role group in the request's region. */
  roleMention: (role: Playbook['steps'][number]['role']) => string;
  /** SLA due times and any open escalation. */
  sla?: SlaSnapshot | null;
}

export function statusLine({ booking, playbook, threadUrl, roleMention, sla }: StatusEntry): string {
  const title = `*${booking.reference}* · ${escapeMrkdwn(booking.draft.customerAccountName)} · ${contractValue(booking)}`;
  const done = progress(booking.workflow);
  const current = currentStep(booking.workflow, playbook);
  let where = STATUS_LABELS[booking.status];
  if (current?.waitingOn === 'requester') where += ` · waiting on ${mentionUser(booking.requesterId)}`;
  else if (current) {
    const owner = current.record.assignee
      ? `taken by ${mentionUser(current.record.assignee.userId)}`
      : 'not taken yet';
    where += ` · step ${current.number}/${done.total} ${escapeMrkdwn(current.step.title)} · ${roleMention(current.step.role)} · ${owner}`;
  }
  const thread = threadUrl ? ` · ${link(threadUrl, 'thread')}` : '';
  const clocks = sla
    ? slaLines(sla)
        .map((line) => `\n${line}`)
        .join('')
    : '';
  return truncate(`${title}\n${where}${thread}${clocks}`, 3000);
}

export function statusMessage(
  entries: readonly StatusEntry[],
  heading: string,
  empty: string,
): { text: string; blocks: Block[] } {
  if (entries.length === 0) return { text: empty, blocks: [section(empty)] };
  const blocks: Block[] = [
    context(heading),
    ...entries.slice(0, 40).map((entry) => section(statusLine(entry))),
  ];
  return { text: `${heading}: ${entries.map((entry) => entry.booking.reference).join(', ')}`, blocks };
}
