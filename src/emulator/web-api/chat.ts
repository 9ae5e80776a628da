/** chat.* methods: post, update, delete, ephemeral, permalink. */
import { toJson } from '../state.ts';
import type { JsonObject, StoredMessage } from '../types.ts';
import { type ApiContext, type ApiHandler, checkMessageContent, fail, str } from './context.ts';

/** A message as the Web API returns it (no emulator bookkeeping; metadata only on request). */
export function messageJson(message: StoredMessage, includeMetadata = true): JsonObject {
  const { channel: _channel, ...rest } = message;
  const json = toJson(rest);
  if (!includeMetadata) delete json.metadata;
  return json;
}

function textOf(args: JsonObject): string {
  return str(args.text) ?? str(args.markdown_text) ?? '';
}

function channelFor(args: JsonObject, ctx: ApiContext) {
  return ctx.state.workspace.resolveChannel(String(args.channel));
}

const postMessage: ApiHandler = (args, ctx) => {
  const channel = channelFor(args, ctx);
  if (!channel) return fail('channel_not_found');
  const { workspace, messages } = ctx.state;
  if (!workspace.isMember(channel, workspace.identity.botUserId)) return fail('not_in_channel');
  const content = checkMessageContent(args, ctx);
  if (!content.ok) return content.response;
  const threadTs = str(args.thread_ts);
  if (threadTs && !messages.find(channel.id, threadTs)) {
    ctx.violate('arguments', [`thread_ts ${threadTs} names no message in ${channel.id}`]);
  }
  const { identity } = workspace;
  const stored = messages.add({
    type: 'message',
    channel: channel.id,
    user: identity.botUserId,
    bot_id: identity.botId,
    app_id: identity.appId,
    team: identity.teamId,
    text: textOf(args),
    ...(content.blocks ? { blocks: content.blocks } : {}),
    ...(Array.isArray(args.attachments) ? { attachments: args.attachments } : {}),
    ...(content.metadata ? { metadata: content.metadata } : {}),
    ...(threadTs ? { thread_ts: threadTs } : {}),
  });
  return { ok: true, channel: channel.id, ts: stored.ts, message: messageJson(stored) };
};

const update: ApiHandler = (args, ctx) => {
  const channel = channelFor(args, ctx);
  if (!channel) return fail('channel_not_found');
  const message = ctx.state.messages.find(channel.id, String(args.ts));
  if (!message) return fail('message_not_found');
  const { botUserId } = ctx.state.workspace.identity;
  if (message.user !== botUserId) return fail('cant_update_message');
  const content = checkMessageContent(args, ctx);
  if (!content.ok) return content.response;
  if (args.text !== undefined || args.markdown_text !== undefined) message.text = textOf(args);
  if (content.blocks) message.blocks = content.blocks;
  if (content.metadata) message.metadata = content.metadata;
  if (Array.isArray(args.attachments)) message.attachments = args.attachments;
  message.edited = { user: botUserId, ts: ctx.state.messages.nextTs() };
  return { ok: true, channel: channel.id, ts: message.ts, text: message.text, message: messageJson(message) };
};

const remove: ApiHandler = (args, ctx) => {
  const channel = channelFor(args, ctx);
  if (!channel) return fail('channel_not_found');
  const message = ctx.state.messages.find(channel.id, String(args.ts));
  if (!message) return fail('message_not_found');
  if (message.user !== ctx.state.workspace.identity.botUserId) return fail('cant_delete_message');
  ctx.state.messages.remove(channel.id, message.ts);
  return { ok: true, channel: channel.id, ts: message.ts };
};

const postEphemeral: ApiHandler = (args, ctx) => {
  const channel = channelFor(args, ctx);
  if (!channel) return fail('channel_not_found');
  const { workspace } = ctx.state;
  const user = String(args.user);
  if (!workspace.users.has(user) || !workspace.isMember(channel, user)) return fail('user_not_in_channel');
  const content = checkMessageContent(args, ctx);
  if (!content.ok) return content.response;
  const threadTs = str(args.thread_ts);
  const stored = ctx.state.messages.addEphemeral({
    channel: channel.id,
    user,
    text: textOf(args),
    ...(content.blocks ? { blocks: content.blocks } : {}),
    ...(threadTs ? { thread_ts: threadTs } : {}),
  });
  return { ok: true, message_ts: stored.ts };
};

const getPermalink: ApiHandler = (args, ctx) => {
  const channel = channelFor(args, ctx);
  if (!channel) return fail('channel_not_found');
  const message = ctx.state.messages.find(channel.id, String(args.message_ts));
  if (!message) return fail('message_not_found');
  const { teamDomain } = ctx.state.workspace.identity;
  const base = `https://${teamDomain}.slack.com/archives/${channel.id}/p${message.ts.replace('.', '')}`;
  const isReply = message.thread_ts !== undefined && message.thread_ts !== message.ts;
  const permalink = isReply ? `${base}?thread_ts=${message.thread_ts}&cid=${channel.id}` : base;
  return { ok: true, channel: channel.id, permalink };
};

export const chatHandlers: Record<string, ApiHandler> = {
  'chat.postMessage': postMessage,
  'chat.update': update,
  'chat.delete': remove,
  'chat.postEphemeral': postEphemeral,
  'chat.getPermalink': getPermalink,
};
