// The rep books: types /book in the desk channel, fills the form the bot opened, submits it, and the
// status card appears in the channel.

import type { SlackEmulator, StoredMessage } from '../emulator/index.ts';
import { CALLBACK, COMMAND } from '../slack/ids.ts';
import { sampleBookingValues } from './sample-booking.ts';
import { DemoError, waitFor } from './wait.ts';

export async function bookSample(
  emulator: SlackEmulator,
  userId: string,
  channel: string,
): Promise<StoredMessage> {
  const opened = emulator.openViewsOf(userId).length;
  const ack = await emulator.slashCommand({ userId, command: COMMAND, text: '', channelId: channel });
  if (ack.status !== 200) throw new DemoError(`${COMMAND} was answered with HTTP ${ack.status}`);
  const form = await waitFor(
    () =>
      emulator
        .openViewsOf(userId)
        .slice(opened)
        .find((view) => view.callback_id === CALLBACK.intake),
    `the ${COMMAND} form to open`,
  );
  const answer = await emulator.submitView({ userId, viewId: form.id, values: sampleBookingValues() });
  if (answer.outcome !== 'close') {
    const errors = emulator.openViewsOf(userId).find((view) => view.id === form.id)?.errors;
    throw new DemoError(
      `the sample booking was refused: ${errors ? Object.values(errors).join(' ') : JSON.stringify(answer.body)}`,
    );
  }
  return waitFor(() => emulator.messagesIn(channel)[0], 'the status card in the desk channel');
}
