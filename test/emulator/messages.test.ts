import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '../../src/emulator/index.ts';
import { section, seededEmulator, webClient } from './helpers.ts';

describe('messages, threads, DMs and the directory', () => {
  let emu: SlackEmulator;
  let clock: number;
  beforeEach(async () => {
    clock = 1_700_000_000_000;
    emu = await seededEmulator({ now: () => clock });
  });
  afterEach(async () => {
    emu.assertNoViolations();
    await emu.close();
  });

  it('posts with strictly increasing ts and Slack-shaped responses', async () => {
    const client = webClient(emu);
    const a = await client.chat.postMessage({ channel: 'C_DESK', text: 'one' });
    const b = await client.chat.postMessage({ channel: '#booking-desk', text: 'two' });
    expect(a).toMatchObject({
      ok: true,
      channel: 'C_DESK',
      ts: '1700000000.000000',
      message: { text: 'one', user: emu.botUserId },
    });
    expect(b.ts).toBe('1700000000.000100');
    clock += 1500;
    const c = await client.chat.postMessage({ channel: 'C_DESK', text: 'three' });
    expect(c.ts).toBe('1700000001.500000');
    expect(emu.messagesIn('C_DESK').map((m) => m.text)).toEqual(['one', 'two', 'three']);
  });

  it('answers channel_not_found and not_in_channel', async () => {
    emu.addChannel({ id: 'C_PRIV', name: 'private', botIsMember: false });
    const client = webClient(emu);
    await expect(client.chat.postMessage({ channel: 'C_NOPE', text: 'x' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
    await expect(client.chat.postMessage({ channel: 'C_PRIV', text: 'x' })).rejects.toMatchObject({
      data: { error: 'not_in_channel' },
    });
  });

  it('stores replies in their thread, with metadata returned only on request', async () => {
    const client = webClient(emu);
    const metadata = { event_type: 'booking_created', event_payload: { id: 'BK-1' } };
    const parent = await client.chat.postMessage({ channel: 'C_DESK', text: 'parent', metadata });
    const reply = await client.chat.postMessage({
      channel: 'C_DESK',
      text: 'reply',
      thread_ts: parent.ts!,
      metadata,
    });
    expect(emu.messagesIn('C_DESK')).toHaveLength(1);
    expect(emu.threadOf('C_DESK', parent.ts!)).toMatchObject([{ text: 'reply', thread_ts: parent.ts }]);

    const plain = await client.conversations.history({ channel: 'C_DESK' });
    expect(plain.messages?.[0]).toMatchObject({ text: 'parent', reply_count: 1 });
    expect(plain.messages?.[0]).not.toHaveProperty('metadata');
    const withMeta = await client.conversations.replies({
      channel: 'C_DESK',
      ts: parent.ts!,
      include_all_metadata: true,
    });
    expect(withMeta.messages?.map((m) => m.ts)).toEqual([parent.ts, reply.ts]);
    expect(withMeta.messages?.[1]?.metadata).toEqual(metadata);
    await expect(client.conversations.replies({ channel: 'C_DESK', ts: '1.000000' })).rejects.toMatchObject({
      data: { error: 'thread_not_found' },
    });
  });

  it('pages conversations.history with a cursor, newest first', async () => {
    const client = webClient(emu);
    for (const text of ['a', 'b', 'c']) await client.chat.postMessage({ channel: 'C_DESK', text });
    const first = await client.conversations.history({ channel: 'C_DESK', limit: 2 });
    expect(first.messages?.map((m) => m.text)).toEqual(['c', 'b']);
    expect(first.has_more).toBe(true);
    const next = await client.conversations.history({
      channel: 'C_DESK',
      limit: 2,
      cursor: first.response_metadata?.next_cursor,
    });
    expect(next.messages?.map((m) => m.text)).toEqual(['a']);
  });

  it('updates and deletes only the bot’s own messages', async () => {
    const client = webClient(emu);
    const posted = await client.chat.postMessage({
      channel: 'C_DESK',
      text: 'draft',
      blocks: [section('draft')],
    });
    const updated = await client.chat.update({ channel: 'C_DESK', ts: posted.ts!, text: 'final' });
    expect(updated).toMatchObject({ ok: true, ts: posted.ts, text: 'final' });
    expect(emu.messagesIn('C_DESK')[0]).toMatchObject({ text: 'final', blocks: [{ type: 'section' }] });

    const human = emu.addMessage({ channel: 'C_DESK', user: 'U_REP', text: 'mine' });
    await expect(client.chat.update({ channel: 'C_DESK', ts: human.ts, text: 'x' })).rejects.toMatchObject({
      data: { error: 'cant_update_message' },
    });
    await expect(client.chat.update({ channel: 'C_DESK', ts: '1.000000', text: 'x' })).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
    await expect(client.chat.delete({ channel: 'C_DESK', ts: human.ts })).rejects.toMatchObject({
      data: { error: 'cant_delete_message' },
    });
    await client.chat.delete({ channel: 'C_DESK', ts: posted.ts! });
    expect(emu.messagesIn('C_DESK').map((m) => m.text)).toEqual(['mine']);
  });

  it('builds permalinks, with thread_ts and cid for replies', async () => {
    const client = webClient(emu);
    const parent = await client.chat.postMessage({ channel: 'C_DESK', text: 'p' });
    const reply = await client.chat.postMessage({ channel: 'C_DESK', text: 'r', thread_ts: parent.ts! });
    const top = await client.chat.getPermalink({ channel: 'C_DESK', message_ts: parent.ts! });
    expect(top.permalink).toBe('https://booking-desk.slack.com/archives/C_DESK/p1700000000000000');
    const sub = await client.chat.getPermalink({ channel: 'C_DESK', message_ts: reply.ts! });
    expect(sub.permalink).toBe(
      `https://booking-desk.slack.com/archives/C_DESK/p1700000000000100?thread_ts=${parent.ts}&cid=C_DESK`,
    );
  });

  it('opens one stable DM per user; dmWith and ephemeralsFor see what was sent', async () => {
    const client = webClient(emu);
    const first = await client.conversations.open({ users: 'U_REP' });
    const again = await client.conversations.open({ users: 'U_REP' });
    expect(first.channel?.id).toMatch(/^D/);
    expect(again).toMatchObject({ channel: { id: first.channel?.id }, already_open: true });
    await client.chat.postMessage({ channel: first.channel!.id!, text: 'hello rita' });
    await client.chat.postMessage({ channel: 'U_REP', text: 'by user id' });
    expect(emu.dmWith('U_REP').map((m) => m.text)).toEqual(['hello rita', 'by user id']);
    await expect(client.conversations.open({ users: 'U_GHOST' })).rejects.toMatchObject({
      data: { error: 'user_not_found' },
    });

    await client.chat.postEphemeral({ channel: 'C_DESK', user: 'U_OPS', text: 'psst' });
    expect(emu.ephemeralsFor('U_OPS')).toMatchObject([{ channel: 'C_DESK', text: 'psst' }]);
  });

  it('answers users.info with tz data and user groups with members', async () => {
    const client = webClient(emu);
    const info = await client.users.info({ user: 'U_OPS' });
    expect(info.user).toMatchObject({
      id: 'U_OPS',
      real_name: 'Oscar Ops',
      tz: 'America/New_York',
      tz_offset: -5 * 3600,
      profile: { real_name: 'Oscar Ops' },
    });
    await expect(client.users.info({ user: 'U_GHOST' })).rejects.toMatchObject({
      data: { error: 'user_not_found' },
    });
    expect((await client.usergroups.users.list({ usergroup: 'S_BILL_EMEA' })).users).toEqual(['U_OPS']);
    await expect(client.usergroups.users.list({ usergroup: 'S_NONE' })).rejects.toMatchObject({
      data: { error: 'no_such_subteam' },
    });
    const groups = await client.usergroups.list({ include_users: true });
    expect(groups.usergroups).toMatchObject([
      { id: 'S_BILL_EMEA', handle: 'billing-emea', users: ['U_OPS'] },
    ]);
  });
});
