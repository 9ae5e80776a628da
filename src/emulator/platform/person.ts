/**
 * What a person does in the Slack client that tests usually script around: send a slash command
 * and see the app's answer to it, write a message (stored AND delivered as a `message` event), open
 * the app's Home tab. The playground's page does all of it through these.
 */
import { checkBlocks } from '../block-kit/blocks.ts';
import { isArray, isObject } from '../block-kit/issues.ts';
import type { EmulatedChannel, JsonObject, StoredMessage } from '../types.ts';
import { viewJson } from '../web-api/views.ts';
import type { PlatformDeps } from './context.ts';
import {
  type CommandResponse,
  type EventResponse,
  type SlashCommandInput,
  sendEvent,
  slashCommand,
} from './inbound.ts';

/** Slack's limit on a message's text. */
const MAX_MESSAGE_CHARS = 40_000;

function knownPerson(deps: PlatformDeps, userId: string) {
  const user = deps.state.workspace.users.get(userId);
  if (!user || user.isBot || user.deleted) throw new Error(`unknown user ${userId}`);
  return user;
}

function channelForPerson(deps: PlatformDeps, userId: string, ref: string): EmulatedChannel {
  const { workspace } = deps.state;
  const channel = workspace.resolveChannel(ref);
  if (!channel) throw new Error(`unknown channel ${ref}`);
  if (!workspace.isMember(channel, userId)) throw new Error(`${userId} is not in ${channel.id}`);
  return channel;
}

/** Shows an acknowledgement's text or blocks as the Slack client does; bad blocks are a violation. */
function showAck(deps: PlatformDeps, input: SlashCommandInput, response: CommandResponse): void {
  const body = typeof response.body === 'string' ? { text: response.body } : response.body;
  // Slack shows nothing of an ack that came too late (the person sees "failed with the error
  // operation_timeout" instead).
  if (response.status !== 200 || !isObject(body) || deps.sender.isLate(response)) return;
  const text = typeof body.text === 'string' ? body.text : '';
  const blocks = isArray(body.blocks) ? body.blocks.filter(isObject) : undefined;
  if (text === '' && !blocks) return;
  if (blocks) {
    const issues = checkBlocks(blocks, 'message');
    if (!issues.empty) {
      deps.recorder.violate('block_kit', `${input.command} acknowledgement`, issues.list);
      return;
    }
  }
  const channel = input.channelId ?? deps.state.workspace.openDm(input.userId).id;
  const { messages, workspace } = deps.state;
  const content = { text, ...(blocks ? { blocks } : {}) };
  if (body.response_type !== 'in_channel') {
    messages.addEphemeral({ channel, user: input.userId, ...content });
    return;
  }
  const { identity } = workspace;
  messages.add({
    type: 'message',
    channel,
    user: identity.botUserId,
    bot_id: identity.botId,
    app_id: identity.appId,
    team: identity.teamId,
    ...content,
  });
}

/**
 * Sends a slash command, then shows the app's acknowledgement body the way the Slack client does:
 * text or blocks in the ack appear to the person only (or in the channel for `in_channel`).
 * Throws synchronously for an unknown person or channel.
 */
export function typeCommand(deps: PlatformDeps, input: SlashCommandInput): Promise<CommandResponse> {
  knownPerson(deps, input.userId);
  return slashCommand(deps, input).then((response) => {
    showAck(deps, input, response);
    return response;
  });
}

export interface PostUserMessageInput {
  userId: string;
  /** Channel id or name; a user id means the bot's DM with that user. */
  channel: string;
  text: string;
  /** Reply in the thread of this message (a reply's ts is moved to its parent, like Slack). */
  threadTs?: string;
}

export interface PostedUserMessage {
  message: StoredMessage;
  event: EventResponse;
}

/**
 * A person writes a message: Slack stores it and sends the app a `message` event. Throws
 * synchronously on misuse (unknown person or channel, not a member, empty text, no such thread).
 */
export function postUserMessage(deps: PlatformDeps, input: PostUserMessageInput): Promise<PostedUserMessage> {
  knownPerson(deps, input.userId);
  const channel = channelForPerson(deps, input.userId, input.channel);
  if (input.text.trim() === '') throw new Error('a message needs some text');
  if (input.text.length > MAX_MESSAGE_CHARS)
    throw new Error(`a message has at most ${MAX_MESSAGE_CHARS} characters`);
  const { messages, workspace } = deps.state;
  if (input.threadTs !== undefined && !messages.find(channel.id, input.threadTs)) {
    throw new Error(`no message ${input.threadTs} in ${channel.id} to reply to`);
  }
  const stored = messages.add({
    type: 'message',
    channel: channel.id,
    user: input.userId,
    team: workspace.identity.teamId,
    text: input.text,
    ...(input.threadTs !== undefined ? { thread_ts: input.threadTs } : {}),
  });
  const event: JsonObject = {
    type: 'message',
    channel: channel.id,
    channel_type: channel.isIm ? 'im' : channel.isPrivate ? 'group' : 'channel',
    user: input.userId,
    team: workspace.identity.teamId,
    text: stored.text,
    ts: stored.ts,
    event_ts: stored.ts,
    ...(stored.thread_ts !== undefined ? { thread_ts: stored.thread_ts } : {}),
  };
  const message = structuredClone(stored);
  return sendEvent(deps, event).then((response) => ({ message, event: response }));
}

/** The person opens the app's Home (or Messages) tab: Slack sends `app_home_opened`. */
export function openAppHome(
  deps: PlatformDeps,
  userId: string,
  tab: 'home' | 'messages' = 'home',
): Promise<EventResponse> {
  knownPerson(deps, userId);
  const dm = deps.state.workspace.openDm(userId);
  const home = deps.state.views.homeOf(userId);
  return sendEvent(deps, {
    type: 'app_home_opened',
    user: userId,
    channel: dm.id,
    tab,
    ...(tab === 'home' && home ? { view: viewJson(home) } : {}),
  });
}
