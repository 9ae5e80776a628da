// The transcript the demo prints: the desk channel (the status card as it ends), the request's thread
// in order, the requester's DMs, and anything shown only to one person, rendered from what the
// emulator holds, i.e. what Slack would show.

import type { SlackEmulator, StoredMessage } from '../emulator/index.ts';
import {
  type MessageLike,
  type RenderContext,
  renderEphemeral,
  renderMessages,
  renderThread,
  renderTranscript,
  type TranscriptSection,
} from '../transcript/index.ts';

export interface TranscriptInput {
  emulator: SlackEmulator;
  channel: { id: string; name: string };
  cardTs: string;
  reference: string;
  requester: { id: string; name: string };
  /** Everyone who may have seen an ephemeral message. */
  people: readonly string[];
  render: RenderContext;
}

export function demoTranscript(input: TranscriptInput): string {
  const { emulator, channel, render } = input;
  const card = emulator.messagesIn(channel.id).find((message) => message.ts === input.cardTs);
  const sections: TranscriptSection[] = [
    { title: `#${channel.name}`, body: renderMessages(emulator.messagesIn(channel.id), render) },
    {
      title: `Thread of ${input.reference}`,
      // The parent is the card shown in full above; here it is its one-line text, as in a notification.
      body: card ? renderThread(parentLine(card), emulator.threadOf(channel.id, input.cardTs), render) : '',
    },
    {
      title: `DM with @${input.requester.name}`,
      body: renderMessages(emulator.dmWith(input.requester.id), render),
    },
  ];
  const ephemerals = input.people.flatMap((id) => emulator.ephemeralsFor(id));
  if (ephemerals.length > 0) {
    sections.push({
      title: 'Only visible to one person',
      body: ephemerals.map((message) => renderEphemeral(message, render)).join('\n\n'),
    });
  }
  return renderTranscript(sections, render);
}

function parentLine(card: StoredMessage): MessageLike {
  return { ts: card.ts, user: card.user, ...(card.bot_id ? { bot_id: card.bot_id } : {}), text: card.text };
}
