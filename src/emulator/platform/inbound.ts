/** Slash commands, global shortcuts, Events API callbacks and URL verification. */
import { randomBytes } from 'node:crypto';
import type { Json, JsonObject } from '../types.ts';
import { actionTs, interactionBase, type PlatformDeps } from './context.ts';
import type { AppResponse } from './sender.ts';

export interface SlashCommandInput {
  userId: string;
  command: string;
  text?: string;
  /** Defaults to the bot's DM with the user. */
  channelId?: string;
}

export type InteractionResponse = AppResponse & { triggerId: string };
/** A block action's answer, with the `action_ts` Slack put in it. */
export type BlockActionResponse = InteractionResponse & { actionTs: string };
export type CommandResponse = InteractionResponse & { responseUrl: string };

export interface EventOptions {
  retryNum?: number;
  retryReason?: string;
  /** Reuse an id to emulate a redelivery of the same event. */
  eventId?: string;
}

export type EventResponse = AppResponse & { eventId: string };

function channelFor(deps: PlatformDeps, userId: string, channelId: string | undefined) {
  const { workspace } = deps.state;
  if (channelId === undefined) return workspace.openDm(userId);
  const channel = workspace.channels.get(channelId);
  if (!channel) throw new Error(`unknown channel ${channelId}: call addChannel() first`);
  return channel;
}

/** Throws synchronously for an unknown user or channel. */
export function slashCommand(deps: PlatformDeps, input: SlashCommandInput): Promise<CommandResponse> {
  const { workspace, triggers } = deps.state;
  const user = workspace.users.get(input.userId);
  if (!user) throw new Error(`unknown user ${input.userId}: call addUser() first`);
  const channel = channelFor(deps, input.userId, input.channelId);
  const triggerId = triggers.issue(input.userId);
  const responseUrl = deps.responseUrls.issue({ channel: channel.id, userId: input.userId });
  const { identity } = workspace;
  const body = new URLSearchParams({
    token: deps.verificationToken,
    team_id: identity.teamId,
    team_domain: identity.teamDomain,
    channel_id: channel.id,
    channel_name: channel.isIm ? 'directmessage' : channel.name,
    user_id: user.id,
    user_name: user.name,
    command: input.command,
    text: input.text ?? '',
    api_app_id: identity.appId,
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: triggerId,
  }).toString();
  return deps.sender
    .post(input.command, body, 'application/x-www-form-urlencoded')
    .then((response) => ({ ...response, triggerId, responseUrl }));
}

export function shortcut(
  deps: PlatformDeps,
  input: { userId: string; callbackId: string },
): Promise<InteractionResponse> {
  const triggerId = deps.state.triggers.issue(input.userId);
  const payload = {
    ...interactionBase(deps, 'shortcut', input.userId),
    callback_id: input.callbackId,
    trigger_id: triggerId,
    action_ts: actionTs(deps),
  };
  return deps.sender.postPayload('shortcut', payload).then((response) => ({ ...response, triggerId }));
}

export async function sendEvent(
  deps: PlatformDeps,
  event: JsonObject,
  options: EventOptions = {},
): Promise<EventResponse> {
  const { identity } = deps.state.workspace;
  const eventId = options.eventId ?? `Ev${randomBytes(5).toString('hex').toUpperCase()}`;
  const envelope = {
    token: deps.verificationToken,
    team_id: identity.teamId,
    api_app_id: identity.appId,
    event: { event_ts: actionTs(deps), ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(deps.state.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: identity.teamId,
        user_id: identity.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  };
  const headers: Record<string, string> = {};
  if (options.retryNum !== undefined) headers['x-slack-retry-num'] = String(options.retryNum);
  if (options.retryReason !== undefined) headers['x-slack-retry-reason'] = options.retryReason;
  const kind = `event:${String(event.type)}`;
  const response = await deps.sender.post(kind, JSON.stringify(envelope), 'application/json', headers);
  return { ...response, eventId };
}

/** Sends `url_verification`; the app must echo the challenge. */
export async function verifyUrl(deps: PlatformDeps): Promise<AppResponse & { verified: boolean }> {
  const challenge = randomBytes(16).toString('hex');
  const body = JSON.stringify({ token: deps.verificationToken, challenge, type: 'url_verification' });
  const response = await deps.sender.post('url_verification', body, 'application/json');
  const answer: Json = response.body;
  const echoed =
    typeof answer === 'string'
      ? answer
      : typeof answer === 'object' && answer && !Array.isArray(answer)
        ? answer.challenge
        : null;
  const verified = response.status === 200 && echoed === challenge;
  if (!verified)
    deps.recorder.violate('url_verification', 'url_verification', ['the app did not echo the challenge']);
  return { ...response, verified };
}
