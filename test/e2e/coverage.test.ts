// Backup coverage through the real surfaces: `/book coverage` lists, marks and clears short-staffed
// dates (desk admins only, every mistake explained), and on such a date or in a period-end window
// the backup pool of a role (here: APAC billing for EMEA billing) is mentioned on the step and may
// act on it, while on ordinary days it is refused.

import { beforeAll, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/slack/ids.ts';
import { ShiftedClock } from '../../src/system-clock.ts';
import { mrkdwnTexts } from '../support/block-text.ts';
import { pgliteTemplate } from '../support/database.ts';
import { aDeskConfig, DESK_CHANNEL, PEOPLE } from '../support/desk-config.ts';
import { type DeskHarness, eventually } from '../support/desk-harness.ts';
import { askDesk, bookThroughSlack } from '../support/flows.ts';
import { hasButton, stepOf, waitForStepMessage, workStep } from '../support/sop-flows.ts';
import { useDesk } from '../support/use-desk.ts';

/** In this file EMEA billing names APAC as its backup. */
function configWithBackup() {
  const config = aDeskConfig();
  config.regions.EMEA.roles.billing.backup = 'APAC';
  return config;
}

/** Monday 23 November 2026, 10:00 in London: an ordinary day. */
const MONDAY = new Date('2026-11-23T10:00:00Z');
/** Friday 27 November 2026, 10:00 in London: inside the November month-end window (26, 27, 30). */
const MONTH_END_FRIDAY = new Date('2026-11-27T10:00:00Z');

const lead = PEOPLE.lead.id;
const rep = PEOPLE.rep.id;
const backupBilling = PEOPLE.apacBilling.id;
const billingStep = stepOf(2);
const COVERING = 'covering: <!subteam^S0BILLINGAPAC>';

async function answerTo(harness: DeskHarness, userId: string, text: string): Promise<string> {
  const message = await askDesk(harness.emulator, userId, text);
  return [message.text, ...mrkdwnTexts(message.blocks ?? [])].join('\n');
}

/** Books a request and works it to the billing step; returns that step's message. */
async function atBillingStep(harness: DeskHarness) {
  await bookThroughSlack(harness.emulator);
  await workStep(harness, stepOf(0));
  await workStep(harness, stepOf(1));
  return waitForStepMessage(harness.emulator, billingStep, (m) => hasButton(m, ACTION.stepTake));
}

async function clickTake(harness: DeskHarness, userId: string, messageTs: string) {
  await harness.emulator.clickButton({ userId, actionId: ACTION.stepTake, channel: DESK_CHANNEL, messageTs });
}

async function refusedAgain(harness: DeskHarness, userId: string, count: number) {
  const told = await eventually(() => harness.emulator.ephemeralsFor(userId)[count - 1], `refusal ${count}`);
  expect(told.text).toContain('<!subteam^S0BILLINGEMEA>');
}

describe('/book coverage', () => {
  const clock = new ShiftedClock(MONDAY);
  const start = useDesk(() => ({ clock, deskConfig: configWithBackup() }));
  // Load the migrated database template before the first test's clock starts.
  beforeAll(() => pgliteTemplate().then(() => undefined));

  it('lists the backups and the marked dates; a desk admin marks once and clears once', async () => {
    clock.set(MONDAY);
    const harness = await start();
    const empty = await answerTo(harness, rep, 'coverage');
    expect(empty).toContain('*EMEA* · Billing ← APAC');
    expect(empty).toContain('*APAC* · _no backups_');
    expect(empty).toContain('No dates from today on');

    const marked = await answerTo(harness, lead, 'coverage emea 2026-11-25 billing Two out sick');
    expect(marked).toContain('Marked EMEA on Wed 25 Nov 2026 (Billing) short-staffed — Two out sick.');
    expect(marked).toContain('Covering: Billing APAC');
    expect(await answerTo(harness, lead, 'coverage EMEA 2026-11-25 Billing')).toContain(
      `EMEA on Wed 25 Nov 2026 (Billing) is already marked short-staffed (by <@${lead}>). Nothing changed.`,
    );
    const everyRole = await answerTo(harness, lead, 'coverage apac 2026-12-24 "Christmas party"');
    expect(everyRole).toContain(
      'Marked APAC on Thu 24 Dec 2026 (every role) short-staffed — Christmas party.',
    );
    expect(everyRole).toContain('No backup region is configured for any role in APAC');
    const labelled = await answerTo(harness, lead, 'coverage amer 2026-12-01 Order management Offsite');
    expect(labelled).toContain('Marked AMER on Tue 1 Dec 2026 (Order management) short-staffed — Offsite.');

    const listed = await answerTo(harness, rep, 'coverage');
    expect(listed).toContain(`• Wed 25 Nov 2026 · *EMEA* · Billing · Two out sick · marked by <@${lead}>`);
    expect(listed).toContain('• Tue 1 Dec 2026 · *AMER* · Order management · Offsite');
    expect(listed).toContain('• Thu 24 Dec 2026 · *APAC* · every role · Christmas party');

    expect(await answerTo(harness, lead, 'coverage clear emea 2026-11-25')).toContain(
      'EMEA on Wed 25 Nov 2026 (every role) is not marked short-staffed, so there is nothing to clear.',
    );
    expect(await answerTo(harness, lead, 'coverage clear emea 2026-11-25 billing')).toContain(
      'Cleared: EMEA on Wed 25 Nov 2026 (Billing) is no longer marked short-staffed.',
    );
    expect(await answerTo(harness, lead, 'coverage clear emea 2026-11-25 billing')).toContain('not marked');
    expect(await answerTo(harness, rep, 'coverage')).not.toContain('Wed 25 Nov 2026');

    const prisma = harness.database.prisma;
    expect(await prisma.coverageDay.count()).toBe(2);
    expect(await prisma.auditEvent.count({ where: { action: 'coverage.mark', actorId: lead } })).toBe(3);
    expect(await prisma.auditEvent.count({ where: { action: 'coverage.clear', actorId: lead } })).toBe(1);
  }, 60_000);

  it('refuses people who are not desk admins, and explains every mistake', async () => {
    clock.set(MONDAY);
    const harness = await start();
    const notAdmin = 'Only desk admins can mark or clear short-staffed dates.';
    expect(await answerTo(harness, rep, 'coverage EMEA 2026-11-25 billing')).toContain(notAdmin);
    expect(await answerTo(harness, rep, 'coverage clear EMEA 2026-11-25')).toContain(notAdmin);
    expect(await answerTo(harness, backupBilling, 'coverage mars 2026-11-25')).toContain(notAdmin);

    const mistakes: [string, string][] = [
      ['coverage mars 2026-11-25', '`mars` is not a region: use APAC, EMEA, AMER, LATAM.'],
      ['coverage emea', 'Say which date in EMEA, as YYYY-MM-DD.'],
      ['coverage emea 25/11/2026', '`25/11/2026` is not a date: write it as YYYY-MM-DD'],
      ['coverage emea 2026-02-30', '`2026-02-30` is not a real date.'],
      ['coverage emea 2026-11-20', 'Fri 20 Nov 2026 is in the past in EMEA (today there is 2026-11-23).'],
      ['coverage emea 2027-11-24', 'Wed 24 Nov 2027 is more than a year ahead. Mark dates up to 2027-11-23.'],
      ['coverage emea 2026-11-25 biling Two out', '`biling` is not a role. Did you mean `billing`?'],
      ['coverage emea 2026-11-25 order_mgmt', '`order_mgmt` is not a role.'],
      ['coverage clear emea 2026-11-25 finance', '`finance` is not a role.'],
      [`coverage emea 2026-11-25 billing ${'x'.repeat(301)}`, 'keep it to 300'],
    ];
    for (const [text, problem] of mistakes) {
      expect(await answerTo(harness, lead, text), text).toContain(problem);
    }
    expect(await harness.database.prisma.coverageDay.count()).toBe(0);
    expect(
      await harness.database.prisma.auditEvent.count({ where: { action: 'refused.coverage.mark' } }),
    ).toBe(1);
    expect(
      await harness.database.prisma.auditEvent.count({ where: { action: 'refused.coverage.clear' } }),
    ).toBe(1);
  });

  it('lets the backup pool act on a date marked short-staffed, and mentions it on the step', async () => {
    clock.set(MONDAY);
    const harness = await start();
    const billing = await atBillingStep(harness);
    expect(JSON.stringify(billing.blocks)).not.toContain(COVERING);

    await clickTake(harness, backupBilling, billing.ts);
    await refusedAgain(harness, backupBilling, 1);
    expect(await harness.database.prisma.auditEvent.count({ where: { action: 'refused.take' } })).toBe(1);

    expect(await answerTo(harness, lead, 'coverage EMEA 2026-11-23 billing Two out sick')).toContain(
      'Marked',
    );
    // Marked for today: the step already posted names the covering pool at once.
    await waitForStepMessage(harness.emulator, billingStep, (m) =>
      JSON.stringify(m.blocks).includes(COVERING),
    );
    await clickTake(harness, backupBilling, billing.ts);
    const taken = await waitForStepMessage(harness.emulator, billingStep, (m) =>
      JSON.stringify(m.blocks).includes(`<@${backupBilling}>`),
    );
    expect(JSON.stringify(taken.blocks)).toContain(`<!subteam^S0BILLINGEMEA> · ${COVERING}`);
    // Coverage is for the covered role only.
    expect(
      (
        await harness.database.prisma.auditEvent.findMany({
          where: { actorId: backupBilling },
          orderBy: { id: 'asc' },
        })
      ).map((event) => event.action),
    ).toEqual(['refused.take', 'workflow.take']);
  }, 60_000);

  it('shows a mark for today on the step already posted, and its clearing; a later date changes nothing yet', async () => {
    clock.set(MONDAY);
    const harness = await start();
    const billing = await atBillingStep(harness);
    const updates = () =>
      harness.emulator.callsTo('chat.update').filter((call) => call.args.ts === billing.ts).length;

    await answerTo(harness, lead, 'coverage EMEA 2026-11-24 billing Training day');
    await answerTo(harness, lead, 'coverage EMEA 2026-11-23 order_management Offsite');
    const before = updates();
    await answerTo(harness, lead, 'coverage EMEA 2026-11-23 * Team offsite');
    await waitForStepMessage(harness.emulator, billingStep, (m) =>
      JSON.stringify(m.blocks).includes(COVERING),
    );
    expect(updates()).toBe(before + 1);

    await answerTo(harness, lead, 'coverage clear EMEA 2026-11-23 *');
    await waitForStepMessage(
      harness.emulator,
      billingStep,
      (m) => !JSON.stringify(m.blocks).includes(COVERING),
    );
    // Tomorrow's mark and today's for a role without a backup re-rendered nothing.
    expect(updates()).toBe(before + 2);
  }, 60_000);

  it('lets the backup pool act inside a period-end window, and not after it', async () => {
    clock.set(MONTH_END_FRIDAY);
    const harness = await start();
    // Posted inside the window: the step's message mentions the covering pool at once.
    const billing = await atBillingStep(harness);
    expect(JSON.stringify(billing.blocks)).toContain(COVERING);
    await clickTake(harness, backupBilling, billing.ts);
    await waitForStepMessage(harness.emulator, billingStep, (m) =>
      JSON.stringify(m.blocks).includes(`<@${backupBilling}>`),
    );

    // Tuesday 1 December: the window is over, so ticking the checklist is refused.
    clock.set(new Date('2026-12-01T10:00:00Z'));
    await harness.emulator.checkBoxes({
      userId: backupBilling,
      actionId: ACTION.stepChecklist,
      channel: DESK_CHANNEL,
      messageTs: billing.ts,
      values: billingStep.checklist.slice(0, 1).map((item) => item.id),
    });
    await refusedAgain(harness, backupBilling, 1);
    expect(await harness.database.prisma.auditEvent.count({ where: { action: 'refused.tick' } })).toBe(1);
  }, 60_000);
});
