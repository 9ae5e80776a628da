import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '../../src/emulator/index.ts';
import { fakeApp, seededEmulator, webClient } from './helpers.ts';

const modal = (title: string, extra: Record<string, unknown> = {}) => ({
  type: 'modal' as const,
  title: { type: 'plain_text' as const, text: title },
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: title } }],
  ...extra,
});

describe('views and trigger_ids', () => {
  let emu: SlackEmulator;
  let clock: number;
  let app: Awaited<ReturnType<typeof fakeApp>>;
  beforeEach(async () => {
    clock = 1_700_000_000_000;
    app = await fakeApp();
    emu = await seededEmulator({ now: () => clock, appUrl: app.url });
  });
  afterEach(async () => {
    emu.assertNoViolations();
    await emu.close();
    await app.close();
  });

  async function trigger(): Promise<string> {
    return (await emu.slashCommand({ userId: 'U_REP', command: '/desk', channelId: 'C_DESK' })).triggerId;
  }

  it('opens a modal for the trigger’s user; the trigger is single use', async () => {
    const client = webClient(emu);
    const triggerId = await trigger();
    const opened = await client.views.open({
      trigger_id: triggerId,
      view: modal('Intake', { callback_id: 'intake' }),
    });
    expect(opened.view).toMatchObject({
      id: expect.stringMatching(/^V/),
      hash: expect.any(String),
      callback_id: 'intake',
    });
    expect(emu.openViewsOf('U_REP')).toMatchObject([{ id: opened.view?.id }]);
    await expect(client.views.open({ trigger_id: triggerId, view: modal('Again') })).rejects.toMatchObject({
      data: { error: 'exchanged_trigger_id' },
    });
    expect(emu.takeViolations()).toMatchObject([{ kind: 'trigger', source: 'views.open' }]);
  });

  it('expires triggers after 3 seconds (injected clock) and rejects made-up ones', async () => {
    const client = webClient(emu);
    const fresh = await trigger();
    clock += 3000;
    await client.views.open({ trigger_id: fresh, view: modal('Just in time') });
    const late = await trigger();
    clock += 3001;
    await expect(client.views.open({ trigger_id: late, view: modal('Late') })).rejects.toMatchObject({
      data: { error: 'expired_trigger_id' },
    });
    await expect(
      client.views.open({ trigger_id: '123.456.abc', view: modal('Forged') }),
    ).rejects.toMatchObject({
      data: { error: 'invalid_trigger_id' },
    });
    expect(emu.takeViolations().map((v) => v.messages[0]?.split(':')[0])).toEqual([
      'expired_trigger_id',
      'invalid_trigger_id',
    ]);
  });

  it('pushes onto the stack (max 3) and updates by id or external_id with hash checks', async () => {
    const client = webClient(emu);
    const root = await client.views.open({
      trigger_id: await trigger(),
      view: modal('Root', { external_id: 'ext-1' }),
    });
    await client.views.push({ trigger_id: await trigger(), view: modal('Two') });
    await client.views.push({ trigger_id: await trigger(), view: modal('Three') });
    await expect(
      client.views.push({ trigger_id: await trigger(), view: modal('Four') }),
    ).rejects.toMatchObject({
      data: { error: 'push_limit_reached' },
    });
    expect(emu.openViewsOf('U_REP').map((v) => v.title?.text)).toEqual(['Root', 'Two', 'Three']);

    const updated = await client.views.update({
      view_id: root.view!.id!,
      hash: root.view!.hash!,
      view: modal('Root v2'),
    });
    expect(updated.view?.id).toBe(root.view?.id);
    await expect(
      client.views.update({ view_id: root.view!.id!, hash: root.view!.hash!, view: modal('Stale') }),
    ).rejects.toMatchObject({ data: { error: 'hash_conflict' } });
    await client.views.update({ external_id: 'ext-1', view: modal('Root v3', { external_id: 'ext-1' }) });
    expect(emu.openViewsOf('U_REP')[0]?.title?.text).toBe('Root v3');
    await expect(client.views.update({ view_id: 'VNOPE', view: modal('x') })).rejects.toMatchObject({
      data: { error: 'not_found' },
    });
  });

  it('publishes a Home tab per user and validates the view type and Block Kit', async () => {
    const client = webClient(emu);
    await client.views.publish({ user_id: 'U_OPS', view: { type: 'home', blocks: [{ type: 'divider' }] } });
    expect(emu.homeOf('U_OPS')).toMatchObject({ type: 'home', blocks: [{ type: 'divider' }] });
    expect(emu.homeOf('U_REP')).toBeUndefined();
    const err = await client.views
      .open({ trigger_id: await trigger(), view: modal('A title that is far too long for Slack') })
      .catch((e: { data: unknown }) => e.data);
    expect(err).toMatchObject({
      error: 'invalid_arguments',
      response_metadata: {
        messages: ['[ERROR] must be less than 25 characters [json-pointer:/view/title/text]'],
      },
    });
    expect(emu.takeViolations()).toMatchObject([{ kind: 'block_kit', source: 'views.open' }]);
  });
});
