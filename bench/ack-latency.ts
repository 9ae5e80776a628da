// Ack latency of /book and of the intake submission. Booking Desk runs as `npm start` runs it (its
// own process, embedded database on disk); the baseline is a bare Bolt app that only acks, also in
// its own process. The emulator plays Slack from this process and times each acknowledgement.
// Requests are sequential and interleaved between the two apps, so both see the same machine.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import type { SlackEmulator } from '../src/emulator/index.ts';
import { buildStateValues } from '../src/emulator/platform/view-state.ts';
import { aDeskConfig, PEOPLE } from '../test/support/desk-config.ts';
import { SIGNING_SECRET, startEmulator } from '../test/support/desk-harness.ts';
import { type DeskProcess, startDeskProcess } from '../test/support/desk-process.ts';
import { intakeValues } from '../test/support/intake-values.ts';
import type { LatencyRow } from './stats.ts';

const rep = PEOPLE.rep.id;
const BARE_APP = path.join(import.meta.dirname, 'bare-app-main.ts');

async function waitForCalls(emulator: SlackEmulator, method: string, count: number) {
  while (emulator.callsTo(method).length < count) {
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

function submissionBody(emulator: SlackEmulator, quoteNumber: string): string {
  const view = emulator.openViewsOf(rep).at(-1)!;
  const payload = {
    type: 'view_submission',
    team: { id: emulator.teamId, domain: emulator.teamDomain },
    user: { id: rep, username: 'rita', name: 'rita', team_id: emulator.teamId },
    api_app_id: 'A0BOOKINGDESK',
    token: 'legacy',
    trigger_id: '1.2.3',
    view: {
      ...view,
      id: `V${quoteNumber}`,
      state: { values: buildStateValues(view, intakeValues({ quoteNumber })) },
    },
  };
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

async function urlOf(app: DeskProcess) {
  return `http://127.0.0.1:${await app.port}/slack/events`;
}

export async function measureAckLatency(iterations: number): Promise<LatencyRow[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'booking-desk-bench-'));
  await writeFile(path.join(dir, 'booking-desk.yml'), stringify(aDeskConfig()));
  const emulator = await startEmulator();
  const env = {
    SLACK_BOT_TOKEN: emulator.botToken,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: emulator.apiUrl,
    DATABASE_URL: path.join(dir, 'pg'),
    PORT: '0',
    LOG_LEVEL: 'info',
  };
  const ours = startDeskProcess(env, dir);
  const bare = startDeskProcess(env, dir, BARE_APP);
  const urls = { ours: await urlOf(ours), bare: await urlOf(bare) };
  const rows: LatencyRow[] = [
    { surface: '`/book` (slash command)', ours: [], bare: [] },
    { surface: 'intake modal submission', ours: [], bare: [] },
  ];
  try {
    emulator.setAppUrl(urls.ours);
    await emulator.slashCommand({ userId: rep, command: '/book' });
    await waitForCalls(emulator, 'views.open', 1);
    const warmup = Math.ceil(iterations / 10);
    for (let i = 0; i < iterations + warmup; i++) {
      for (const target of ['ours', 'bare'] as const) {
        emulator.setAppUrl(urls[target]);
        const views = emulator.callsTo('views.open').length;
        const command = await emulator.slashCommand({ userId: rep, command: '/book' });
        // A rep fills the form for a while: the modal is open before they submit.
        if (target === 'ours') await waitForCalls(emulator, 'views.open', views + 1);
        const posts = emulator.callsTo('chat.postMessage').length;
        const body = submissionBody(emulator, `Q-${target}-${i}`);
        const submission = await emulator.postRaw({
          body,
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...emulator.signRequest(body) },
        });
        if (submission.status !== 200 || submission.body !== '') {
          throw new Error(`submission answered ${submission.status} ${JSON.stringify(submission.body)}`);
        }
        // One rep at a time: the card and the DM go out before the next request.
        if (target === 'ours') await waitForCalls(emulator, 'chat.postMessage', posts + 2);
        if (i >= warmup) {
          rows[0]![target].push(command.ackMs);
          rows[1]![target].push(submission.ackMs);
        }
      }
    }
  } finally {
    for (const app of [ours, bare]) app.child.kill('SIGTERM');
    await Promise.all([ours.exited, bare.exited]);
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}
