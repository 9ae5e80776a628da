// Deliveries for a request's workflow: the card edited in place, step messages posted and edited in
// its thread, DMs to the requester, and ephemeral answers to refused clicks.

import { coverageAt } from '../../app/coverage.ts';
import { loadSlaSnapshot } from '../../app/sla-snapshot.ts';
import { deskCalendars } from '../../config/desk-config.ts';
import { loadBooking } from '../../db/bookings.ts';
import type { OutboxMessage } from '../../db/generated/client.ts';
import type { BookingSnapshot } from '../../domain/booking/snapshot.ts';
import type { Playbook } from '../../domain/playbook/schema.ts';
import type { Region } from '../../domain/regions.ts';
import type { WorkflowEvent } from '../../domain/workflow/events.ts';
import { asBlocks } from '../../slack/web-api-types.ts';
import {
  type Delivery,
  type DeliveryContext,
  dmChannel,
  findAlreadyPosted,
  outboxMetadata,
  requestIdOf,
  threadUrl,
} from './delivery.ts';
import { renderCard, renderRequesterUpdate, renderStep } from './render.ts';

interface Loaded {
  booking: BookingSnapshot;
  playbook: Playbook;
}

async function load(row: OutboxMessage, ctx: DeliveryContext): Promise<Loaded | null> {
  const booking = await loadBooking(ctx.db, requestIdOf(row));
  if (!booking) return null;
  const playbook = ctx.playbooks.get(booking.workflow.playbook);
  if (!playbook) throw new Error(`playbook of ${booking.reference} is not deployed`);
  return { booking, playbook };
}

/** The region covering the step's role now, for its message's mention; only active steps name one. */
async function coveringBackup(ctx: DeliveryContext, loaded: Loaded, stepId: string): Promise<Region | null> {
  const { booking, playbook } = loaded;
  const step = playbook.steps.find((candidate) => candidate.id === stepId);
  const record = booking.workflow.steps.find((candidate) => candidate.id === stepId);
  if (!step || record?.status !== 'active') return null;
  const scope = { db: ctx.db, calendars: deskCalendars(ctx.config), config: ctx.config };
  return (await coverageAt(scope, booking.region, step.role, ctx.clock.now())).backup;
}

function argsOf<T>(row: OutboxMessage): T {
  return row.args as unknown as T;
}

export const deliverStatusCardUpdate: Delivery = async (row, ctx) => {
  const loaded = await load(row, ctx);
  if (!loaded?.booking.parentTs) return { skipped: 'no card to update' };
  const { booking, playbook } = loaded;
  const sla = await loadSlaSnapshot(ctx.db, ctx.config, booking, playbook, ctx.clock.now());
  const card = renderCard(booking, playbook, ctx.config, sla);
  await ctx.slack.chat.update({
    channel: booking.deskChannel,
    ts: booking.parentTs!,
    text: card.text,
    blocks: asBlocks(card.blocks),
  });
  return { channel: booking.deskChannel, ts: booking.parentTs, version: booking.version };
};

export const deliverStepMessagePost: Delivery = async (row, ctx) => {
  const { stepId, key } = argsOf<{ stepId: string; key: string }>(row);
  const loaded = await load(row, ctx);
  if (!loaded) return { skipped: 'request no longer exists' };
  const { booking, playbook } = loaded;
  // Rows of one request go out in order, so the card's post was already tried and gave up.
  if (!booking.parentTs) return { skipped: 'no thread: the status card could not be posted' };
  const existing = await ctx.db.threadMessage.findUnique({
    where: { requestId_key: { requestId: booking.id, key } },
  });
  if (existing) return { channel: existing.channel, ts: existing.ts, skipped: 'already posted' };
  const message = renderStep(
    booking,
    playbook,
    stepId,
    ctx.config,
    await coveringBackup(ctx, loaded, stepId),
  );
  const ts =
    (await findAlreadyPosted(ctx, row, booking.deskChannel, booking.parentTs)) ??
    String(
      (
        await ctx.slack.chat.postMessage({
          channel: booking.deskChannel,
          thread_ts: booking.parentTs,
          text: message.text,
          blocks: asBlocks(message.blocks),
          metadata: outboxMetadata(row),
        })
      ).ts,
    );
  await ctx.db.threadMessage.create({
    data: {
      requestId: booking.id,
      stepId,
      key,
      channel: booking.deskChannel,
      ts,
      createdAt: ctx.clock.now(),
    },
  });
  return { channel: booking.deskChannel, ts };
};

export const deliverStepMessageUpdate: Delivery = async (row, ctx) => {
  const { stepId } = argsOf<{ stepId: string }>(row);
  const loaded = await load(row, ctx);
  if (!loaded) return { skipped: 'request no longer exists' };
  const { booking, playbook } = loaded;
  const posted = await ctx.db.threadMessage.findFirst({
    where: { requestId: booking.id, stepId },
    orderBy: { createdAt: 'desc' },
  });
  if (!posted) return { skipped: 'step message not posted' };
  const message = renderStep(
    booking,
    playbook,
    stepId,
    ctx.config,
    await coveringBackup(ctx, loaded, stepId),
  );
  await ctx.slack.chat.update({
    channel: posted.channel,
    ts: posted.ts,
    text: message.text,
    blocks: asBlocks(message.blocks),
  });
  return { channel: posted.channel, ts: posted.ts, version: booking.version };
};

export const deliverRequesterUpdate: Delivery = async (row, ctx) => {
  const { event } = argsOf<{ event: WorkflowEvent }>(row);
  const loaded = await load(row, ctx);
  if (!loaded) return { skipped: 'request no longer exists' };
  const { booking, playbook } = loaded;
  // The builder decides which events deserve a DM; ask it before any Slack call.
  if (!renderRequesterUpdate(booking, playbook, event, null))
    return { skipped: `${event.type} is not worth a DM` };
  const channel = await dmChannel(ctx, booking.requesterId);
  const earlier = await findAlreadyPosted(ctx, row, channel);
  if (earlier) return { channel, ts: earlier, recovered: true };
  const url = await threadUrl(ctx, booking.deskChannel, booking.parentTs);
  const message = renderRequesterUpdate(booking, playbook, event, url);
  if (!message) return { skipped: `${event.type} is not worth a DM` };
  const posted = await ctx.slack.chat.postMessage({
    channel,
    text: message.text,
    blocks: asBlocks(message.blocks),
    metadata: outboxMetadata(row),
    unfurl_links: false,
  });
  return { channel, ts: String(posted.ts) };
};

export const deliverEphemeral: Delivery = async (row, ctx) => {
  const { channel, user, threadTs, text } = argsOf<{
    channel: string;
    user: string;
    threadTs: string | null;
    text: string;
  }>(row);
  const answer = await ctx.slack.chat.postEphemeral({
    channel,
    user,
    text,
    ...(threadTs ? { thread_ts: threadTs } : {}),
  });
  return { channel, messageTs: String(answer.message_ts) };
};
