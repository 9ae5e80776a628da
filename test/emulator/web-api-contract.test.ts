import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '../../src/emulator/index.ts';
import { callApi, section, seededEmulator, webClient } from './helpers.ts';

describe('Web API contract checks', () => {
  let emu: SlackEmulator;
  beforeEach(async () => {
    emu = await seededEmulator();
  });
  afterEach(async () => {
    emu.assertNoViolations();
    await emu.close();
  });

  it('answers auth.test through WebClient with the bot identity', async () => {
    const res = await webClient(emu).auth.test();
    expect(res).toMatchObject({ ok: true, user_id: emu.botUserId, team_id: emu.teamId });
    expect(emu.callsTo('auth.test')).toHaveLength(1);
  });

  it('rejects a missing token with not_authed and a wrong one with invalid_auth', async () => {
    const missing = await callApi(emu, 'auth.test', '', { authorization: '' });
    expect(missing.json).toEqual({ ok: false, error: 'not_authed' });
    await expect(webClient(emu, 'xoxb-wrong').auth.test()).rejects.toMatchObject({
      data: { error: 'invalid_auth' },
    });
    const viaArg = await callApi(emu, 'auth.test', `token=${emu.botToken}`, { authorization: '' });
    expect(viaArg.json.ok).toBe(true);
    expect(emu.takeViolations().map((v) => v.kind)).toEqual(['auth', 'auth']);
  });

  it('answers unknown_method and records it', async () => {
    const res = await callApi(emu, 'chat.teleport', 'channel=C_DESK');
    expect(res.json).toEqual({ ok: false, error: 'unknown_method' });
    expect(emu.takeViolations()).toMatchObject([{ kind: 'unknown_method', source: 'chat.teleport' }]);
  });

  it('lists missing required fields like Slack', async () => {
    const res = await callApi(emu, 'chat.postMessage', 'text=hi');
    expect(res.json).toEqual({
      ok: false,
      error: 'invalid_arguments',
      response_metadata: { messages: ['[ERROR] missing required field: channel'] },
    });
    expect(emu.takeViolations()).toMatchObject([{ kind: 'arguments', source: 'chat.postMessage' }]);
  });

  it('enforces arg groups: content required, text and markdown_text exclusive, one trigger', async () => {
    const client = webClient(emu);
    await expect(client.chat.postMessage({ channel: 'C_DESK' } as never)).rejects.toMatchObject({
      data: { error: 'no_text' },
    });
    await expect(
      client.chat.postMessage({ channel: 'C_DESK', text: 'a', markdown_text: '**a**' } as never),
    ).rejects.toMatchObject({ data: { error: 'markdown_text_conflict' } });
    const noTrigger = await callApi(emu, 'views.open', {
      view: { type: 'modal', title: { type: 'plain_text', text: 'x' }, blocks: [] },
    });
    expect(noTrigger.json).toMatchObject({ ok: false, error: 'invalid_arguments' });
    expect(emu.takeViolations()).toHaveLength(3);
  });

  it('decodes JSON-encoded args from form bodies and accepts objects in JSON bodies', async () => {
    const blocks = [section('*hello*')];
    const form = new URLSearchParams({
      channel: 'C_DESK',
      text: 'hello',
      blocks: JSON.stringify(blocks),
    }).toString();
    const viaForm = await callApi(emu, 'chat.postMessage', form);
    expect(viaForm.json.ok).toBe(true);
    const viaJson = await callApi(emu, 'chat.postMessage', { channel: 'C_DESK', text: 'hello', blocks });
    expect(viaJson.json.ok).toBe(true);
    const [first, second] = emu.callsTo('chat.postMessage');
    expect(first?.args.blocks).toEqual(blocks);
    expect(second?.args.blocks).toEqual(blocks);
    expect(first?.args.token).toBeUndefined();
  });

  it('rejects JSON args that do not parse and args of the wrong type', async () => {
    const bad = await callApi(emu, 'chat.postMessage', 'channel=C_DESK&text=x&blocks=%5B%7B');
    expect(bad.json).toMatchObject({ ok: false, error: 'invalid_blocks_format' });
    const meta = await callApi(emu, 'chat.postMessage', 'channel=C_DESK&text=x&metadata=nope');
    expect(meta.json).toMatchObject({ ok: false, error: 'invalid_metadata_format' });
    const limit = await callApi(emu, 'conversations.history', 'channel=C_DESK&limit=lots');
    expect(limit.json).toMatchObject({ ok: false, error: 'invalid_arguments' });
    expect(emu.takeViolations()).toHaveLength(3);
  });

  it('checks the HTTP verb against the contract', async () => {
    const get = await fetch(`${emu.apiUrl}users.info?user=U_REP`, {
      headers: { authorization: `Bearer ${emu.botToken}` },
    });
    expect(await get.json()).toMatchObject({ ok: true, user: { id: 'U_REP' } });
    const badGet = await fetch(`${emu.apiUrl}chat.postMessage?channel=C_DESK&text=hi`, {
      headers: { authorization: `Bearer ${emu.botToken}` },
    });
    expect(await badGet.json()).toMatchObject({ ok: false, error: 'invalid_arguments' });
    expect(emu.takeViolations()).toMatchObject([{ kind: 'http_verb' }]);
  });

  it('answers Block Kit mistakes with invalid_blocks (chat) or invalid_arguments (views), with messages', async () => {
    const client = webClient(emu);
    const err = await client.chat
      .postMessage({
        channel: 'C_DESK',
        text: 'x',
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '' } }],
      })
      .catch((e: { data: unknown }) => e.data);
    expect(err).toEqual({
      ok: false,
      error: 'invalid_blocks',
      response_metadata: {
        messages: ['[ERROR] must be at least 1 characters [json-pointer:/blocks/0/text/text]'],
      },
    });
    expect(emu.takeViolations()).toMatchObject([{ kind: 'block_kit', source: 'chat.postMessage' }]);
  });
});
