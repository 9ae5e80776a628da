// Requests not signed by Slack, or signed too long ago or in the future, are refused before any
// listener runs: 401 and nothing written.

import { describe, expect, it } from 'vitest';
import { computeSignature } from '../../src/emulator/index.ts';
import { buildStateValues } from '../../src/emulator/platform/view-state.ts';
import { DESK_CHANNEL, PEOPLE } from '../support/desk-config.ts';
import { type DeskHarness, eventually, SIGNING_SECRET } from '../support/desk-harness.ts';
import { intakeValues } from '../support/intake-values.ts';
import { useDesk } from '../support/use-desk.ts';

const rep = PEOPLE.rep.id;
const now = () => Math.floor(Date.now() / 1000);

/** A complete, valid view_submission body for the intake modal, as Slack would send it. */
async function submissionBody(harness: DeskHarness): Promise<string> {
  await harness.emulator.slashCommand({ userId: rep, command: '/book', channelId: DESK_CHANNEL });
  const view = await eventually(() => harness.emulator.openViewsOf(rep)[0], 'the modal');
  const payload = {
    type: 'view_submission',
    team: { id: harness.emulator.teamId, domain: harness.emulator.teamDomain },
    user: { id: rep, username: 'rita', name: 'rita', team_id: harness.emulator.teamId },
    api_app_id: 'A0BOOKINGDESK',
    token: 'legacy-verification-token',
    trigger_id: '1.2.3',
    view: { ...view, state: { values: buildStateValues(view, intakeValues()) } },
  };
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

function signed(body: string, timestamp: number, secret = SIGNING_SECRET) {
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': computeSignature(secret, timestamp, body),
  };
}

describe('request signatures', () => {
  const start = useDesk();

  it.each([
    ['signed with another secret', (body: string) => signed(body, now(), 'not-the-secret')],
    ['signed six minutes ago', (body: string) => signed(body, now() - 360)],
    ['dated six minutes in the future', (body: string) => signed(body, now() + 360)],
    ['with no signature headers', () => ({ 'content-type': 'application/x-www-form-urlencoded' })],
    ['with a signature of another body', (body: string) => signed(`${body}&extra=1`, now())],
  ])('refuses a submission %s: 401 and nothing written', async (_name, headersFor) => {
    const harness = await start();
    const body = await submissionBody(harness);
    const answer = await harness.emulator.postRaw({ body, headers: headersFor(body) });
    expect(answer.status).toBe(401);
    expect(await harness.database.prisma.bookingRequest.count()).toBe(0);
    expect(await harness.database.prisma.auditEvent.count()).toBe(0);
    expect(await harness.database.prisma.outboxMessage.count()).toBe(0);
  });

  it('accepts the same submission correctly signed, and books it once when replayed', async () => {
    const harness = await start();
    const body = await submissionBody(harness);
    const first = await harness.emulator.postRaw({ body, headers: signed(body, now()) });
    const replay = await harness.emulator.postRaw({ body, headers: signed(body, now()) });
    expect([first.status, replay.status]).toEqual([200, 200]);
    expect(await harness.database.prisma.bookingRequest.count()).toBe(1);
    expect(await harness.database.prisma.outboxMessage.count({ where: { requestId: { not: null } } })).toBe(
      3,
    );
  });

  it('accepts a request within the five-minute window either way (clock skew)', async () => {
    const harness = await start();
    const body = 'token=t&team_id=T1&user_id=U0REP&command=%2Fbook&text=help&trigger_id=1.2.3';
    for (const timestamp of [now() - 240, now() + 240]) {
      const answer = await harness.emulator.postRaw({ body, headers: signed(body, timestamp) });
      expect(answer.status).toBe(200);
    }
  });

  it('reports health on /healthz', async () => {
    const harness = await start();
    const healthy = await fetch(harness.appUrl.replace('/slack/events', '/healthz'));
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toEqual({ ok: true, database: 'up' });
  });
});
