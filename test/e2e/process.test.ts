// The bot as `npm start` runs it: clear messages on bad start-up, and a SIGKILL between commit and
// delivery loses nothing and sends nothing twice after the restart.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { SlackEmulator } from '../../src/emulator/index.ts';
import { aDeskConfig, PEOPLE } from '../support/desk-config.ts';
import { eventually, SIGNING_SECRET, startEmulator } from '../support/desk-harness.ts';
import { startDeskProcess } from '../support/desk-process.ts';
import { bookThroughSlack, cardsIn, waitForMessages } from '../support/flows.ts';

describe('npm start', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'booking-desk-process-'));
    await writeFile(path.join(dir, 'booking-desk.yml'), stringify(aDeskConfig()));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('without Slack tokens stops with one clear message and no stack trace', async () => {
    const { exited } = startDeskProcess({}, dir);
    const { code, stderr } = await exited;
    expect(code).toBe(1);
    expect(stderr).toContain('SLACK_BOT_TOKEN is missing');
    expect(stderr).toContain('SLACK_SIGNING_SECRET is missing');
    expect(stderr).toContain('Bot User OAuth Token');
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('with a broken desk config names the file and line', async () => {
    await writeFile(path.join(dir, 'broken.yml'), 'deskChannel: general\n');
    const { exited } = startDeskProcess(
      { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', BOOKING_DESK_CONFIG: 'broken.yml' },
      dir,
    );
    const { code, stderr } = await exited;
    expect(code).toBe(1);
    expect(stderr).toContain('broken.yml:1: deskChannel must be a Slack channel ID');
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  describe('killed between commit and delivery', () => {
    let emulator: SlackEmulator;
    beforeAll(async () => {
      emulator = await startEmulator();
    });
    afterAll(async () => {
      await emulator.close();
    });

    it('delivers the card and the DM once after the restart', async () => {
      const env = {
        SLACK_BOT_TOKEN: emulator.botToken,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: emulator.apiUrl,
        DATABASE_URL: path.join(dir, 'pg'),
        PORT: '0',
        LOG_LEVEL: 'info',
      };
      const first = startDeskProcess(env, dir);
      emulator.setAppUrl(`http://127.0.0.1:${await first.port}/slack/events`);
      // Slack is unreachable: the outbox can only keep retrying.
      emulator.fault('chat.postMessage', { drop: true }, 1000);
      await bookThroughSlack(emulator);
      // The request is committed (the modal closed) and a delivery attempt has failed: kill it now.
      await eventually(() => emulator.callsTo('chat.postMessage').length > 0, 'a delivery attempt');
      first.child.kill('SIGKILL');
      expect((await first.exited).signal).toBe('SIGKILL');
      expect(cardsIn(emulator)).toHaveLength(0);

      emulator.clearFaults();
      const second = startDeskProcess(env, dir);
      emulator.setAppUrl(`http://127.0.0.1:${await second.port}/slack/events`);
      await waitForMessages(() => emulator.dmWith(PEOPLE.rep.id), 1, 'the DM after restart');
      expect(cardsIn(emulator)).toHaveLength(1);
      expect(cardsIn(emulator)[0]?.text).toContain('BK-2026-000001');
      second.child.kill('SIGTERM');
      expect((await second.exited).code).toBe(0);
      expect(emulator.dmWith(PEOPLE.rep.id)).toHaveLength(1);
      expect(cardsIn(emulator)).toHaveLength(1);
      // Two cold starts of `npm start` (tsx, migrations) on a busy 2-core machine.
    }, 90_000);
  });
});
