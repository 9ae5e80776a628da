// What the deliveries post, rendered from database state at send time by the pure builders.

import type { SlaSnapshot } from '../../app/sla-snapshot.ts';
import type { DeskConfig } from '../../config/desk-config.ts';
import type { BookingSnapshot } from '../../domain/booking/snapshot.ts';
import type { Playbook } from '../../domain/playbook/schema.ts';
import type { Region } from '../../domain/regions.ts';
import type { WorkflowEvent } from '../../domain/workflow/events.ts';
import { poolMention, roleMention } from '../../slack/role-directory.ts';
import type { Block } from '../../slack/views/elements.ts';
import { requesterCardActions } from '../../slack/views/request-escalation.ts';
import { cardProgressBlocks } from '../../slack/views/request-summary.ts';
import { requesterUpdate } from '../../slack/views/request-update.ts';
import { slaBlocks } from '../../slack/views/sla-status.ts';
import { statusCard } from '../../slack/views/status-card.ts';
import { outcomeNote, stepMessage } from '../../slack/views/step-message.ts';

export interface Rendered {
  text: string;
  blocks: Block[];
}

export function renderCard(
  booking: BookingSnapshot,
  playbook: Playbook,
  config: DeskConfig,
  sla: SlaSnapshot | null = null,
): Rendered {
  const card = statusCard(booking);
  const progress = cardProgressBlocks({
    state: booking.workflow,
    playbook,
    roleMention: (role) => roleMention(config, role, booking.region),
  });
  return {
    text: card.text,
    blocks: [
      ...card.blocks.slice(0, 2),
      ...progress,
      ...slaBlocks(sla),
      ...requesterCardActions(booking),
      ...card.blocks.slice(2),
    ],
  };
}

/** `backup`: the region whose pool covers the step's role now (src/app/coverage.ts), mentioned too. */
export function renderStep(
  booking: BookingSnapshot,
  playbook: Playbook,
  stepId: string,
  config: DeskConfig,
  backup: Region | null = null,
): Rendered {
  const index = playbook.steps.findIndex((step) => step.id === stepId);
  const step = playbook.steps[index];
  const record = booking.workflow.steps.find((candidate) => candidate.id === stepId);
  if (!step || !record) throw new Error(`step ${stepId} is not in ${booking.reference}'s playbook`);
  return stepMessage({
    requestId: booking.id,
    reference: booking.reference,
    step,
    record,
    stepNumber: index + 1,
    stepCount: playbook.steps.length,
    roleMention: poolMention(config, step.role, booking.region, backup),
    outcomeNote: outcomeNote(booking.workflow.trail, stepId),
  });
}

export function renderRequesterUpdate(
  booking: BookingSnapshot,
  playbook: Playbook,
  event: WorkflowEvent,
  threadUrl: string | null,
): Rendered | null {
  return requesterUpdate({
    requestId: booking.id,
    reference: booking.reference,
    event,
    state: booking.workflow,
    playbook,
    permalink: threadUrl,
    customerName: booking.draft.customerAccountName,
  });
}
