// What the page asks Slack to do on a person's behalf, each through the emulator exactly as the
// Slack client would: a slash command typed in the message box, a message or thread reply, a click
// or pick on a Block Kit element, a modal submitted or closed, the Home tab opened. The bot gets
// the same signed requests it gets from Slack; the emulator's state is what the page shows next.

import { z } from 'zod';
import type { AppResponse, JsonObject, SlackEmulator } from '../emulator/index.ts';
import { COMMAND } from '../slack/ids.ts';
import { BadRequest, parseWith } from './http.ts';
import type { ActionResult } from './page-types.ts';
import { viewerOf } from './workspace-view.ts';

const Id = z.string().min(1).max(100);
const Ts = z.string().regex(/^\d+\.\d{6}$/, { error: 'must be a Slack ts such as 1700000000.000100' });
const Text = z.string().max(40_000);

const OptionSchema = z.looseObject({ value: z.string() });

/** The browser module's BlockActionIntent, as far as the emulator needs it. */
const IntentSchema = z.object({
  actionId: z.string().max(255),
  blockId: z.string().max(255).optional(),
  type: z.string().min(1).max(64),
  value: z.string().max(2000).optional(),
  selectedOption: OptionSchema.nullish(),
  selectedOptions: z.array(OptionSchema).max(100).optional(),
  selectedDate: z.string().nullish(),
  selectedTime: z.string().nullish(),
  selectedUser: z.string().nullish(),
  selectedUsers: z.array(z.string()).max(100).optional(),
  selectedConversation: z.string().nullish(),
  selectedChannel: z.string().nullish(),
  container: z.discriminatedUnion('type', [
    z.object({ type: z.literal('message'), channel: Id, messageTs: Ts }).loose(),
    z.object({ type: z.literal('view'), viewId: Id }).loose(),
  ]),
});

const CommandBody = z.strictObject({ as: Id, channel: Id, text: Text });
const MessageBody = z.strictObject({ as: Id, channel: Id, text: Text, threadTs: Ts.optional() });
const ActionBody = z.strictObject({ as: Id, action: IntentSchema });
const SubmitBody = z.strictObject({
  as: Id,
  viewId: Id,
  values: z.record(z.string(), z.record(z.string(), z.looseObject({ type: z.string() }))),
});
const CloseBody = z.strictObject({ as: Id, viewId: Id });
const HomeBody = z.strictObject({ as: Id, tab: z.enum(['home', 'messages']).default('home') });

/** What Slack's client says when it cannot use the app's answer to a form. */
export const SUBMISSION_NOT_TAKEN = 'We had some trouble connecting. Try again?';

function answered(response: AppResponse): ActionResult {
  if (response.status === 200) return { ok: true, status: 200 };
  return { ok: false, status: response.status, error: `the app answered HTTP ${response.status}` };
}

/** Misuse the emulator refuses (no such button, an option not offered…) is the page's mistake. */
async function asPageError<T>(work: () => Promise<T>): Promise<T> {
  let pending: Promise<T>;
  try {
    pending = work();
  } catch (error) {
    throw new BadRequest(error instanceof Error ? error.message : String(error));
  }
  return pending;
}

function channelRef(emulator: SlackEmulator, viewer: string, ref: string): string {
  return ref === 'dm' ? emulator.dmChannelOf(viewer) : ref;
}

export async function runCommand(emulator: SlackEmulator, body: unknown): Promise<ActionResult> {
  const input = parseWith(CommandBody, body);
  const viewer = viewerOf(emulator, input.as);
  const match = /^(\/\S+)\s*([\s\S]*)$/.exec(input.text.trim());
  if (!match) throw new BadRequest('a command starts with /, e.g. /book help');
  const [, command = '', text = ''] = match;
  if (command.toLowerCase() !== COMMAND) {
    throw new BadRequest(`${command} is not a valid command. This workspace has ${COMMAND}.`);
  }
  const channelId = channelRef(emulator, viewer.id, input.channel);
  const response = await asPageError(() =>
    emulator.client.typeCommand({ userId: viewer.id, command: COMMAND, text, channelId }),
  );
  return answered(response);
}

export async function postMessage(emulator: SlackEmulator, body: unknown): Promise<ActionResult> {
  const input = parseWith(MessageBody, body);
  const viewer = viewerOf(emulator, input.as);
  if (input.text.trim() === '') throw new BadRequest('type a message first');
  const channel = channelRef(emulator, viewer.id, input.channel);
  const posted = await asPageError(() =>
    emulator.client.postUserMessage({
      userId: viewer.id,
      channel,
      text: input.text,
      ...(input.threadTs ? { threadTs: input.threadTs } : {}),
    }),
  );
  return answered(posted.event);
}

export async function blockAction(emulator: SlackEmulator, body: unknown): Promise<ActionResult> {
  const { as, action } = parseWith(ActionBody, body);
  const viewer = viewerOf(emulator, as);
  const where =
    action.container.type === 'message'
      ? { channel: action.container.channel, messageTs: action.container.messageTs }
      : { viewId: action.container.viewId };
  const picked = {
    ...(action.value !== undefined ? { value: action.value } : {}),
    ...(action.selectedOption ? { selectedOption: action.selectedOption.value } : {}),
    ...(action.selectedOptions ? { selectedOptions: action.selectedOptions.map((o) => o.value) } : {}),
    ...(action.selectedDate ? { selectedDate: action.selectedDate } : {}),
    ...(action.selectedTime ? { selectedTime: action.selectedTime } : {}),
    ...(action.selectedUser ? { selectedUser: action.selectedUser } : {}),
    ...(action.selectedUsers ? { selectedUsers: action.selectedUsers } : {}),
    ...(action.selectedConversation ? { selectedConversation: action.selectedConversation } : {}),
    ...(action.selectedChannel ? { selectedChannel: action.selectedChannel } : {}),
  };
  const response = await asPageError(() =>
    emulator.client.blockAction({
      userId: viewer.id,
      actionId: action.actionId,
      ...(action.blockId ? { blockId: action.blockId } : {}),
      type: action.type,
      ...picked,
      ...where,
    }),
  );
  return answered(response);
}

export async function submitModal(emulator: SlackEmulator, body: unknown): Promise<ActionResult> {
  const input = parseWith(SubmitBody, body);
  const viewer = viewerOf(emulator, input.as);
  const result = await asPageError(() =>
    // Parsed from the request's JSON, so every value in it is JSON.
    emulator.client.submitViewState({
      userId: viewer.id,
      viewId: input.viewId,
      stateValues: input.values as JsonObject,
    }),
  );
  if (result.outcome === 'incomplete') return { ok: true, outcome: 'incomplete', errors: result.errors };
  if (result.status !== 200) return { ...answered(result), outcome: result.outcome };
  // Acknowledged, but after Slack's 3 s or with an answer Slack refuses: the form stays as it was.
  if (result.outcome === null) return { ok: false, status: 200, outcome: null, error: SUBMISSION_NOT_TAKEN };
  return { ok: true, status: 200, outcome: result.outcome };
}

export async function closeModal(emulator: SlackEmulator, body: unknown): Promise<ActionResult> {
  const input = parseWith(CloseBody, body);
  const viewer = viewerOf(emulator, input.as);
  const response = await asPageError(() => emulator.closeView({ userId: viewer.id, viewId: input.viewId }));
  return response ? answered(response) : { ok: true };
}

export async function openHome(emulator: SlackEmulator, body: unknown): Promise<ActionResult> {
  const input = parseWith(HomeBody, body);
  const viewer = viewerOf(emulator, input.as);
  return answered(await emulator.client.openAppHome(viewer.id, input.tab));
}
