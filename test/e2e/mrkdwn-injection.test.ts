// mrkdwn injection: `<!channel>`, `<!here>`, `<@U…>` and `<https://evil…|bank>` typed into any field
// appear as plain text everywhere the bot echoes them — card, thread, DMs, ephemerals, the Home,
// command answers and modals — never as a mention or a link. (plain_text fields show text as typed:
// Slack does not read them as mrkdwn.)

import { describe, expect, it } from 'vitest';
import type { SlackEmulator } from '../../src/emulator/index.ts';
import { ACTION } from '../../src/slack/ids.ts';
import { DESK_CHANNEL, PEOPLE } from '../support/desk-config.ts';
import { eventually, outboxIdle } from '../support/desk-harness.ts';
import { cardsIn, openForm } from '../support/flows.ts';
import { intakeValues } from '../support/intake-values.ts';
import { specialistFor, stepOf, waitForStepMessage, workStep } from '../support/sop-flows.ts';
import { useDesk } from '../support/use-desk.ts';

const HOSTILE = '<!channel> <!here> <@U0LEAD> <https://evil.example|bank>';
/** A product description cannot hold `|` (it separates a line's columns): the bare link instead. */
const HOSTILE_LINE = '<!channel> <!here> <@U0LEAD> <https://evil.example>';
const rep = PEOPLE.rep.id;
const lead = PEOPLE.lead.id;

/** Raw control sequences that only the injected text could have put there. */
const RAW = [/<!channel>/, /<!here>/, /<https:\/\/evil\.example/, /(<!here>|&gt;|&lt;!here&gt;) <@U0LEAD>/];

interface Rendered {
  where: string;
  text: string;
}

/** Every mrkdwn string in a Slack payload (message text, mrkdwn text objects, section fields). */
function mrkdwnStrings(value: unknown, where: string, out: Rendered[], inMrkdwn = false): void {
  if (typeof value === 'string') {
    if (inMrkdwn) out.push({ where, text: value });
    return;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) mrkdwnStrings(item, `${where}/${index}`, out);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  const isMrkdwnObject = record.type === 'mrkdwn';
  for (const [key, item] of Object.entries(record)) {
    if (key === 'text' && typeof item === 'string') {
      // A text object's type says how Slack reads it; a message's top-level text is mrkdwn.
      if (record.type === 'plain_text') continue;
      if (
        isMrkdwnObject ||
        record.type === undefined ||
        record.type === 'message' ||
        record.type === 'section'
      )
        out.push({ where: `${where}/text`, text: item });
      continue;
    }
    if (key === 'initial_value' || key === 'placeholder' || key === 'private_metadata' || key === 'value')
      continue;
    mrkdwnStrings(item, `${where}/${key}`, out);
  }
}

/** Everything the emulator holds that the bot rendered for people. */
function everythingRendered(emulator: SlackEmulator): Rendered[] {
  const out: Rendered[] = [];
  for (const card of cardsIn(emulator)) {
    mrkdwnStrings(card, `card ${card.ts}`, out);
    for (const reply of emulator.threadOf(DESK_CHANNEL, card.ts))
      mrkdwnStrings(reply, `thread ${reply.ts}`, out);
  }
  for (const person of Object.values(PEOPLE)) {
    for (const dm of emulator.dmWith(person.id)) mrkdwnStrings(dm, `DM ${person.name}`, out);
    for (const ephemeral of emulator.ephemeralsFor(person.id))
      mrkdwnStrings(ephemeral, `ephemeral ${person.name}`, out);
    const home = emulator.homeOf(person.id);
    if (home) mrkdwnStrings(home.blocks, `Home ${person.name}`, out);
    for (const view of emulator.openViewsOf(person.id))
      mrkdwnStrings(view.blocks, `modal ${person.name}`, out);
  }
  for (const post of emulator.responseUrlPosts) mrkdwnStrings(post.body, 'response_url', out);
  // What the app sent, whatever became of it (updates, modals since closed, ack bodies).
  for (const call of emulator.calls) {
    if (call.method.startsWith('chat.') || call.method.startsWith('views.'))
      mrkdwnStrings(call.args, `${call.method} call`, out);
  }
  return out;
}

async function modalOpened(emulator: SlackEmulator, userId: string, before: number): Promise<void> {
  await eventually(() => emulator.openViewsOf(userId).length > before, `a modal for ${userId}`);
}

describe('mrkdwn injection', () => {
  const start = useDesk();

  it('shows mentions and links typed into any field as plain text everywhere the bot echoes them', async () => {
    const harness = await start();
    const { emulator } = harness;
    const ackTexts: Rendered[] = [];

    // 1. A request whose names, product description and notes carry the injection.
    await openForm(emulator);
    const booked = await emulator.submitView({
      userId: rep,
      values: intakeValues({
        customerAccountName: `Acme ${HOSTILE}`,
        contactName: `Ada ${HOSTILE}`,
        lines: `PRO-SEAT | Pro seat ${HOSTILE_LINE} | 25 | 40.00 | 10\nSUPPORT | Premium support | 1 | 500.00`,
        discountNotes: `Discount ${HOSTILE}`,
        downstreamNotes: `Notes ${HOSTILE}`,
      }),
    });
    expect(booked.body).toBe('');
    await outboxIdle(harness.database.prisma);
    const card = cardsIn(emulator)[0]!;

    // 2. The requester escalates with the injection as the reason.
    await eventually(
      () => JSON.stringify(cardsIn(emulator)[0]?.blocks).includes(ACTION.requestEscalate),
      'Escalate',
    );
    await emulator.clickButton({
      userId: rep,
      actionId: ACTION.requestEscalate,
      channel: DESK_CHANNEL,
      messageTs: card.ts,
    });
    await modalOpened(emulator, rep, 0);
    const escalated = await emulator.submitView({
      userId: rep,
      values: { category: 'deal_at_risk', reason: `The customer signs Friday ${HOSTILE}` },
    });
    expect(escalated.outcome).toBe('close');
    await outboxIdle(harness.database.prisma);

    // 3. Step 1 done; on step 2 a deviation and a change request, both with the injection.
    await workStep(harness, stepOf(0));
    const terms = stepOf(1);
    const analyst = specialistFor(terms);
    let message = await waitForStepMessage(emulator, terms);
    await emulator.clickButton({
      userId: analyst,
      actionId: ACTION.stepDeviation,
      channel: DESK_CHANNEL,
      messageTs: message.ts,
    });
    await modalOpened(emulator, analyst, 0);
    await emulator.submitView({
      userId: analyst,
      values: {
        field: 'sku',
        expected: `Expected ${HOSTILE}`,
        actual: `Actual ${HOSTILE}`,
        note: `Note ${HOSTILE}`,
      },
    });
    await outboxIdle(harness.database.prisma);
    message = await waitForStepMessage(emulator, terms);
    await emulator.clickButton({
      userId: analyst,
      actionId: ACTION.stepRequestChanges,
      channel: DESK_CHANNEL,
      messageTs: message.ts,
    });
    await modalOpened(emulator, analyst, 0);
    await emulator.submitView({ userId: analyst, values: { note: `Fix the seats ${HOSTILE}` } });
    await outboxIdle(harness.database.prisma);

    // 4. The requester amends: the new description carries the injection into the diff.
    const dm = await eventually(
      () => emulator.dmWith(rep).find((m) => JSON.stringify(m.blocks ?? []).includes(ACTION.requestAmend)),
      'the DM with Amend',
    );
    await emulator.clickButton({
      userId: rep,
      actionId: ACTION.requestAmend,
      channel: dm.channel,
      messageTs: dm.ts,
    });
    await modalOpened(emulator, rep, 0);
    const amended = await emulator.submitView({
      userId: rep,
      values: intakeValues({
        customerAccountName: `Acme ${HOSTILE}`,
        contactName: `Ada ${HOSTILE}`,
        lines: `PRO-SEAT | Pro seat v2 ${HOSTILE_LINE} | 30 | 40.00 | 10\nSUPPORT | Premium support | 1 | 500.00`,
        discountNotes: `Discount v2 ${HOSTILE}`,
        downstreamNotes: `Notes ${HOSTILE}`,
      }),
    });
    expect(amended.outcome).toBe('close');
    await outboxIdle(harness.database.prisma);

    // 5. Back on step 1, it is rejected with the injection as the reason.
    const verify = stepOf(0);
    const checker = specialistFor(verify);
    message = await waitForStepMessage(emulator, verify, (m) =>
      JSON.stringify(m.blocks).includes(ACTION.stepReject),
    );
    const views = emulator.openViewsOf(checker).length;
    await emulator.clickButton({
      userId: checker,
      actionId: ACTION.stepReject,
      channel: DESK_CHANNEL,
      messageTs: message.ts,
    });
    await modalOpened(emulator, checker, views);
    const rejected = await emulator.submitView({
      userId: checker,
      values: { reason: `Not bookable at all ${HOSTILE}`, category: 'not_bookable' },
    });
    expect(rejected.body).toBe('');
    await outboxIdle(harness.database.prisma);

    // 6. A coverage reason, the lists and answers that echo what people typed, and the Homes.
    for (const [userId, text] of [
      [lead, `coverage EMEA 2026-11-25 billing Out ${HOSTILE}`],
      [rep, 'coverage'],
      [rep, 'status BK-2026-000001'],
      [rep, 'mine'],
      [rep, `status ${HOSTILE}`],
      [lead, `cancel <!channel>`],
      [rep, `stats ${HOSTILE}`],
      [lead, `coverage ${HOSTILE}`],
      [rep, HOSTILE],
    ] as const) {
      const before = emulator.responseUrlPosts.length;
      const answer = await emulator.slashCommand({ userId, command: '/book', text, channelId: DESK_CHANNEL });
      expect(answer.status).toBe(200);
      if (typeof answer.body === 'object' && answer.body !== null)
        mrkdwnStrings(answer.body, `/book ${text} ack`, ackTexts);
      else await eventually(() => emulator.responseUrlPosts.length > before, `the answer to /book ${text}`);
    }
    for (const userId of [rep, lead, analyst, checker]) {
      await emulator.sendEvent({
        type: 'app_home_opened',
        user: userId,
        channel: 'D0HOME',
        tab: 'home',
        event_ts: '1.1',
      });
      await eventually(() => emulator.homeOf(userId), `the Home of ${userId}`);
    }
    await outboxIdle(harness.database.prisma);

    const rendered = [...everythingRendered(emulator), ...ackTexts];
    const leaks = rendered.flatMap(({ where, text }) =>
      RAW.filter((pattern) => pattern.test(text)).map(
        (pattern) => `${where}: ${pattern} in ${JSON.stringify(text.slice(0, 300))}`,
      ),
    );
    expect(leaks).toEqual([]);
    // Not vacuous: the injected text did reach the card, the thread, the DMs and the answers, escaped.
    const escaped = rendered.filter(({ text }) => text.includes('&lt;!channel&gt;'));
    const places = new Set(escaped.map(({ where }) => where.split(/[ /]/)[0]));
    for (const place of ['card', 'thread', 'DM', 'ephemeral', 'response_url'])
      expect([...places]).toContain(place);
  }, 90_000);
});
