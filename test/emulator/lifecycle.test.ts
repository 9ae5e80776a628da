import { afterEach, describe, expect, it } from 'vitest';
import {
  expectNoViolations,
  resolveContractsDir,
  type SlackEmulator,
  startSlackEmulator,
} from '../../src/emulator/index.ts';
import { callApi, fakeApp, payloadOf, SIGNING_SECRET, seededEmulator, webClient } from './helpers.ts';

describe('emulator lifecycle and helpers', () => {
  let emu: SlackEmulator | undefined;
  afterEach(async () => {
    await emu?.close();
    emu = undefined;
  });

  it('finds the shared contracts (SLACK_CONTRACTS_DIR, else by walking up) and honours the variable', () => {
    const found = resolveContractsDir();
    expect(found).toMatch(/slack-contracts\/?$/);
    const configured = process.env.SLACK_CONTRACTS_DIR;
    process.env.SLACK_CONTRACTS_DIR = '/nonexistent';
    try {
      expect(() => resolveContractsDir()).toThrow(/not found/);
      expect(resolveContractsDir(found)).toBe(found);
    } finally {
      // Put back what CI may have set, or later tests in this file lose the contracts.
      if (configured === undefined) delete process.env.SLACK_CONTRACTS_DIR;
      else process.env.SLACK_CONTRACTS_DIR = configured;
    }
  });

  it('serves an api URL ending in / and closes cleanly', async () => {
    emu = await startSlackEmulator({ signingSecret: SIGNING_SECRET });
    expect(emu.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
    const url = emu.apiUrl;
    await emu.close();
    emu = undefined;
    await expect(fetch(`${url}auth.test`, { method: 'POST' })).rejects.toThrow();
  });

  it('expectNoViolations lists what went wrong; takeViolations clears them', async () => {
    emu = await seededEmulator();
    await callApi(emu, 'chat.postMessage', 'text=no-channel');
    expect(() => expectNoViolations(emu!)).toThrow(
      /\[arguments\] chat\.postMessage: \[ERROR\] missing required field: channel/,
    );
    expect(() => emu!.assertNoViolations()).toThrow(/1 violation/);
    expect(emu.takeViolations()).toHaveLength(1);
    emu.assertNoViolations();
  });

  it('records decoded args even for faulted calls', async () => {
    emu = await seededEmulator();
    emu.fault('chat.postMessage', { error: 'rate_limited' });
    await webClient(emu)
      .chat.postMessage({ channel: 'C_DESK', text: 'x', blocks: [{ type: 'divider' }] })
      .catch(() => {});
    expect(emu.callsTo('chat.postMessage')[0]?.args.blocks).toEqual([{ type: 'divider' }]);
  });

  it('reset forgets messages, views and calls but keeps seeded users and channels', async () => {
    emu = await seededEmulator();
    const client = webClient(emu);
    await client.chat.postMessage({ channel: 'C_DESK', text: 'x' });
    emu.reset();
    expect(emu.messagesIn('C_DESK')).toEqual([]);
    expect(emu.calls).toEqual([]);
    await expect(client.users.info({ user: 'U_REP' })).resolves.toMatchObject({ ok: true });
    await expect(client.chat.postMessage({ channel: 'C_DESK', text: 'y' })).resolves.toMatchObject({
      ok: true,
    });
  });

  it('sends global shortcuts with a fresh trigger', async () => {
    const app = await fakeApp();
    emu = await seededEmulator({ appUrl: app.url });
    try {
      const res = await emu.shortcut({ userId: 'U_REP', callbackId: 'new_booking' });
      expect(payloadOf(app.requests[0]!)).toMatchObject({
        type: 'shortcut',
        callback_id: 'new_booking',
        trigger_id: res.triggerId,
      });
      const opened = await webClient(emu).views.open({
        trigger_id: res.triggerId,
        view: { type: 'modal', title: { type: 'plain_text', text: 'Hi' }, blocks: [] },
      });
      expect(opened.ok).toBe(true);
    } finally {
      await app.close();
    }
  });
});
