// What one person sees on each surface, read from the emulator and rendered to HTML by the Block Kit
// renderer: a channel (with the ephemeral messages only they got), a thread, their DM with the bot,
// their App Home and their stack of open modals.

import { DateTime } from 'luxon';
import type { EphemeralMessage, SlackEmulator, StoredMessage } from '../emulator/index.ts';
import { type RenderContext, renderHome, renderMessage, renderModal } from './blocks/index.ts';
import { BadRequest } from './http.ts';
import type { ChannelView, HomeView, MessageItem, ModalView, PersonView, ThreadView } from './page-types.ts';
import { personView } from './workspace-view.ts';

export interface SurfaceReader {
  emulator: SlackEmulator;
  viewer: PersonView;
  ctx: RenderContext;
}

function instantOf(ts: string): DateTime {
  return DateTime.fromMillis(Math.floor(Number(ts) * 1000));
}

function timeLabel(ts: string, zone: string): { time: string; day: string } {
  const at = instantOf(ts).setZone(zone).setLocale('en-GB');
  return { time: at.toFormat('HH:mm'), day: at.toFormat('cccc d LLLL') };
}

type Shown = (StoredMessage & { ephemeral?: false }) | (EphemeralMessage & { ephemeral: true });

function item(reader: SurfaceReader, message: Shown): MessageItem {
  const { emulator, viewer, ctx } = reader;
  const ephemeral = message.ephemeral === true;
  const author = ephemeral ? emulator.botUserId : (message as StoredMessage).user;
  const stored = ephemeral ? undefined : (message as StoredMessage);
  const { time, day } = timeLabel(message.ts, viewer.tz);
  const threadTs = message.thread_ts ?? null;
  const latest = stored?.latest_reply;
  return {
    key: ephemeral ? `ephemeral-${message.ts}` : message.ts,
    ts: message.ts,
    channel: message.channel,
    threadTs,
    author: personView(emulator, author),
    time,
    day,
    html: renderMessage(
      {
        text: message.text,
        ...(message.blocks ? { blocks: message.blocks } : {}),
        user: author,
        ts: message.ts,
        channel: message.channel,
        ...(threadTs ? { thread_ts: threadTs } : {}),
      },
      ctx,
    ),
    ephemeral,
    edited: stored?.edited !== undefined,
    replyCount: threadTs === message.ts ? (stored?.reply_count ?? 0) : 0,
    replyUsers: (stored?.reply_users ?? []).map((id) => personView(emulator, id)),
    lastReply: latest ? timeLabel(latest, viewer.tz).time : null,
  };
}

function byTs(a: { ts: string }, b: { ts: string }): number {
  return Number(a.ts) - Number(b.ts);
}

/** A channel or DM the reader may see: the desk channel, or their own DM with the bot. */
function readableChannel(reader: SurfaceReader, ref: string) {
  const { emulator, viewer } = reader;
  const id = ref === 'dm' ? emulator.dmChannelOf(viewer.id) : ref;
  const channel = emulator.channels().find((candidate) => candidate.id === id);
  if (!channel) throw new BadRequest(`no channel ${ref}`, 404);
  if (channel.isIm ? channel.imUser !== viewer.id : channel.members?.includes(viewer.id) === false) {
    throw new BadRequest(`${viewer.realName} cannot see ${ref}`, 403);
  }
  return channel;
}

export function channelView(reader: SurfaceReader, ref: string): ChannelView {
  const channel = readableChannel(reader, ref);
  const { emulator, viewer } = reader;
  const messages: Shown[] = [
    ...emulator.messagesIn(channel.id),
    ...emulator
      .ephemeralsFor(viewer.id)
      .filter((m) => m.channel === channel.id && m.thread_ts === undefined)
      .map((m) => ({ ...m, ephemeral: true as const })),
  ];
  return {
    channel: {
      id: channel.id,
      name: channel.isIm ? 'Booking Desk' : channel.name,
      isIm: channel.isIm === true,
    },
    messages: messages.sort(byTs).map((message) => item(reader, message)),
  };
}

export function threadView(reader: SurfaceReader, ref: string, ts: string): ThreadView {
  const channel = readableChannel(reader, ref);
  const { emulator, viewer } = reader;
  const parent = emulator.messagesIn(channel.id).find((message) => message.ts === ts);
  if (!parent) throw new BadRequest(`no message ${ts} in ${ref} to open a thread of`, 404);
  const replies = emulator.threadOf(channel.id, ts);
  const inThread = new Set([ts, ...replies.map((reply) => reply.ts)]);
  const shown: Shown[] = [
    ...replies,
    ...emulator
      .ephemeralsFor(viewer.id)
      .filter((m) => m.channel === channel.id && m.thread_ts !== undefined && inThread.has(m.thread_ts))
      .map((m) => ({ ...m, ephemeral: true as const })),
  ];
  return {
    channel: channel.id,
    parent: item(reader, parent),
    replies: shown.sort(byTs).map((message) => item(reader, message)),
  };
}

/** The reader's modal stack, root first; the page shows the last one. */
export function modalStack(reader: SurfaceReader): ModalView[] {
  return reader.emulator.openViewsOf(reader.viewer.id).map((view) => {
    const errors = view.errors ?? {};
    return {
      id: view.id,
      hash: view.hash,
      callbackId: view.callback_id,
      html: renderModal(view, { ...reader.ctx, errors }),
      errors,
    };
  });
}

export function homeView(reader: SurfaceReader): HomeView | null {
  const home = reader.emulator.homeOf(reader.viewer.id);
  if (!home) return null;
  return { id: home.id, hash: home.hash, html: renderHome(home, reader.ctx) };
}
