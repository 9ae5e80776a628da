// What the page tells a person when Slack could not use the app's answer to their form.

import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SlackEmulator } from '../../src/emulator/index.ts';
import { SUBMISSION_NOT_TAKEN, submitModal } from '../../src/playground/page-actions.ts';
import { type FakeAnswer, fakeApp, seededEmulator, webClient } from '../emulator/helpers.ts';

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const form = {
  type: 'modal' as const,
  callback_id: 'note',
  title: plain('Note'),
  submit: plain('Save'),
  blocks: [
    {
      type: 'input',
      block_id: 'note',
      label: plain('Note'),
      element: { type: 'plain_text_input', action_id: 'note' },
    },
  ],
};
const values = { note: { note: { type: 'plain_text_input', value: 'Hello' } } };

let emulator: SlackEmulator;
let app: Awaited<ReturnType<typeof fakeApp>>;
let answer: FakeAnswer = {};

beforeAll(async () => {
  app = await fakeApp(() => answer);
  emulator = await seededEmulator({ appUrl: app.url, ackLimitMs: 200 });
});

afterAll(async () => {
  await emulator.close();
  await app.close();
});

async function openForm(): Promise<string> {
  const { triggerId } = await emulator.slashCommand({
    userId: 'U_REP',
    command: '/desk',
    channelId: 'C_DESK',
  });
  const opened = await webClient(emulator).views.open({ trigger_id: triggerId, view: form });
  return opened.view!.id!;
}

it('keeps the form open and says Slack had trouble when the app answered too late', async () => {
  const viewId = await openForm();
  answer = { delayMs: 400 };
  expect(await submitModal(emulator, { as: 'U_REP', viewId, values })).toEqual({
    ok: false,
    status: 200,
    outcome: null,
    error: SUBMISSION_NOT_TAKEN,
  });
  expect(emulator.openViewsOf('U_REP').map((view) => view.id)).toEqual([viewId]);

  answer = {};
  expect(await submitModal(emulator, { as: 'U_REP', viewId, values })).toEqual({
    ok: true,
    status: 200,
    outcome: 'close',
  });
  expect(emulator.openViewsOf('U_REP')).toEqual([]);
});
