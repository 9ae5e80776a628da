/** conversations.* methods: open (DMs), history (top level) and replies (threads). */
import type { EmulatedChannel, JsonObject, StoredMessage } from '../types.ts';
import { messageJson } from './chat.ts';
import { type ApiContext, type ApiHandler, fail, str } from './context.ts';

type Page = { ok: true; items: StoredMessage[]; nextCursor: string } | { ok: false; response: JsonObject };

/** Filters by oldest/latest/inclusive and pages with an opaque cursor, as both read methods do. */
function page(messages: StoredMessage[], args: JsonObject): Page {
  const inclusive = args.inclusive === true;
  const oldest = str(args.oldest);
  const latest = str(args.latest);
  const after = (ts: string, bound: string) =>
    inclusive ? Number(ts) >= Number(bound) : Number(ts) > Number(bound);
  const before = (ts: string, bound: string) =>
    inclusive ? Number(ts) <= Number(bound) : Number(ts) < Number(bound);
  const filtered = messages.filter(
    (m) => (oldest === undefined || after(m.ts, oldest)) && (latest === undefined || before(m.ts, latest)),
  );
  let offset = 0;
  const cursor = str(args.cursor);
  if (cursor) {
    const decoded = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
    if (!decoded) return { ok: false, response: fail('invalid_cursor') };
    offset = Number(decoded[1]);
  }
  const limit = Math.min(
    Math.max(typeof args.limit === 'number' && args.limit > 0 ? args.limit : 100, 1),
    999,
  );
  const items = filtered.slice(offset, offset + limit);
  const more = offset + limit < filtered.length;
  return {
    ok: true,
    items,
    nextCursor: more ? Buffer.from(`offset:${offset + limit}`).toString('base64') : '',
  };
}

function channelOf(args: JsonObject, ctx: ApiContext): EmulatedChannel | undefined {
  return ctx.state.workspace.resolveChannel(String(args.channel));
}

const history: ApiHandler = (args, ctx) => {
  const channel = channelOf(args, ctx);
  if (!channel) return fail('channel_not_found');
  const newestFirst = [...ctx.state.messages.topLevel(channel.id)].reverse();
  const result = page(newestFirst, args);
  if (!result.ok) return result.response;
  return {
    ok: true,
    messages: result.items.map((m) => messageJson(m, args.include_all_metadata === true)),
    has_more: result.nextCursor !== '',
    pin_count: 0,
    response_metadata: { next_cursor: result.nextCursor },
  };
};

const replies: ApiHandler = (args, ctx) => {
  const channel = channelOf(args, ctx);
  if (!channel) return fail('channel_not_found');
  const { messages } = ctx.state;
  const found = messages.find(channel.id, String(args.ts));
  if (!found) return fail('thread_not_found');
  const parentTs = found.thread_ts ?? found.ts;
  const parent = messages.find(channel.id, parentTs);
  const thread = [...(parent ? [parent] : []), ...messages.replies(channel.id, parentTs)];
  const result = page(thread, args);
  if (!result.ok) return result.response;
  return {
    ok: true,
    messages: result.items.map((m) => messageJson(m, args.include_all_metadata === true)),
    has_more: result.nextCursor !== '',
    response_metadata: { next_cursor: result.nextCursor },
  };
};

const open: ApiHandler = (args, ctx) => {
  const { workspace } = ctx.state;
  const channelId = str(args.channel);
  if (channelId) {
    const channel = workspace.channels.get(channelId);
    if (!channel?.isIm) return fail('channel_not_found');
    return { ok: true, channel: { id: channel.id } };
  }
  const users = (str(args.users) ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  if (users.length === 0) return fail('users_list_not_supplied');
  if (users.length > 1) return fail('method_not_supported_for_channel_type');
  const userId = users[0]!;
  if (!workspace.users.has(userId)) return fail('user_not_found');
  const alreadyOpen = workspace.dmIdOf(userId) !== undefined;
  const dm = workspace.openDm(userId);
  const channel: JsonObject =
    args.return_im === true ? { id: dm.id, is_im: true, user: userId, is_open: true } : { id: dm.id };
  return alreadyOpen ? { ok: true, no_op: true, already_open: true, channel } : { ok: true, channel };
};

export const conversationHandlers: Record<string, ApiHandler> = {
  'conversations.open': open,
  'conversations.history': history,
  'conversations.replies': replies,
};
