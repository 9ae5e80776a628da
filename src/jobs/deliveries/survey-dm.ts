// The quarterly survey's DM and its reminder, rendered from the invitation at send time: nothing is
// sent for an invitation already answered or closed.

import type { OutboxMessage } from '../../db/generated/client.ts';
import { surveyDm } from '../../slack/views/survey-dm.ts';
import { asBlocks } from '../../slack/web-api-types.ts';
import {
  type Delivery,
  type DeliveryContext,
  dmChannel,
  findAlreadyPosted,
  outboxMetadata,
} from './delivery.ts';

function invitationIdOf(row: OutboxMessage): string {
  const args = row.args as { invitationId?: unknown } | null;
  if (typeof args?.invitationId !== 'string') throw new Error(`outbox row ${row.id} has no invitationId`);
  return args.invitationId;
}

async function deliverSurveyDm(row: OutboxMessage, ctx: DeliveryContext, reminder: boolean) {
  const invitation = await ctx.db.surveyInvitation.findUnique({ where: { id: invitationIdOf(row) } });
  if (!invitation) return { skipped: 'survey invitation no longer exists' };
  if (invitation.answeredAt) return { skipped: 'survey already answered' };
  if (invitation.closesAt.getTime() <= ctx.clock.now().getTime()) return { skipped: 'survey closed' };
  const channel = await dmChannel(ctx, invitation.userId);
  const earlier = await findAlreadyPosted(ctx, row, channel);
  if (earlier) return { channel, ts: earlier, recovered: true };
  const message = surveyDm({
    invitationId: invitation.id,
    quarter: invitation.quarter,
    closesAt: invitation.closesAt,
    reminder,
  });
  const posted = await ctx.slack.chat.postMessage({
    channel,
    text: message.text,
    blocks: asBlocks(message.blocks),
    metadata: outboxMetadata(row),
  });
  return { channel, ts: String(posted.ts) };
}

export const deliverSurveyInvitation: Delivery = (row, ctx) => deliverSurveyDm(row, ctx, false);
export const deliverSurveyReminder: Delivery = (row, ctx) => deliverSurveyDm(row, ctx, true);
