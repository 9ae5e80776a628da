// What people do in Slack, as steps the end-to-end tests share.

import { expect } from 'vitest';
import type { InputValue, SlackEmulator, StoredMessage, StoredView } from '../../src/emulator/index.ts';
import { DESK_CHANNEL, PEOPLE } from './desk-config.ts';
import { eventually } from './desk-harness.ts';
import { intakeValues } from './intake-values.ts';

/** Types /book (with `text`) and waits for the modal the app opens after its ack. */
export async function openForm(
  emulator: SlackEmulator,
  text = '',
  userId: string = PEOPLE.rep.id,
): Promise<StoredView> {
  const before = emulator.openViewsOf(userId).length;
  const ack = await emulator.slashCommand({ userId, command: '/book', text, channelId: DESK_CHANNEL });
  expect(ack.status).toBe(200);
  return eventually(() => emulator.openViewsOf(userId)[before], 'the intake modal');
}

/** Opens the form and submits it with valid values (changed by `overrides`). */
export async function bookThroughSlack(
  emulator: SlackEmulator,
  overrides: Record<string, InputValue> = {},
  userId: string = PEOPLE.rep.id,
) {
  await openForm(emulator, '', userId);
  const answer = await emulator.submitView({ userId, values: intakeValues(overrides) });
  expect(answer.outcome).toBe('close');
  return answer;
}

export function cardsIn(emulator: SlackEmulator): StoredMessage[] {
  return emulator.messagesIn(DESK_CHANNEL);
}

export async function waitForMessages(
  read: () => StoredMessage[],
  count: number,
  what: string,
): Promise<StoredMessage[]> {
  return eventually(() => {
    const messages = read();
    return messages.length >= count ? messages : null;
  }, what);
}

/** Types `/book <text>` as `userId` and waits for the ephemeral answer only they see. */
export async function askDesk(emulator: SlackEmulator, userId: string, text: string) {
  const before = emulator.ephemeralsFor(userId).length;
  const ack = await emulator.slashCommand({ userId, command: '/book', text, channelId: DESK_CHANNEL });
  expect(ack.status).toBe(200);
  return eventually(() => emulator.ephemeralsFor(userId)[before], `the answer to /book ${text}`);
}
