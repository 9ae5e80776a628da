// The playground in real Chromium, driven like a person: the rep books with /book (and fixes a
// mistake shown beside its field), the order-management specialist takes and completes step 1, a
// specialist of another role is refused, the requester amends after changes were requested, and the
// clock moved past the approval SLA brings the escalation ping. Each checks the page and what the
// emulator and the database hold. One playground and one browser serve the file; the clock scenario
// runs last because it moves time for everyone.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESK_CHANNEL, DESK_LEAD, REQUESTER, SPECIALISTS } from '../../../src/demo/cast.ts';
import { WorkflowStateSchema } from '../../../src/domain/workflow/state.ts';
import {
  actAs,
  bookingFields,
  bookThroughPage,
  channelMessage,
  fillForm,
  fillInput,
  hasChromium,
  inputBlock,
  launchChromium,
  modal,
  openPage,
  openThreadOf,
  submitModal,
  threadMessage,
  typeInBox,
  WAIT_MS,
} from '../../../src/playground/page-driver.ts';
import { type Playground, startPlayground } from '../../../src/playground/playground.ts';
import { eventually } from '../../support/desk-harness.ts';

/** A Monday, 09:30 in London: EMEA's desk is open. */
const START = new Date('2026-11-23T09:30:00Z');
/** Per scenario: a busy 2-core machine runs the app, the database and Chromium at once. */
const SCENARIO_MS = 180_000;
const ORDERS = SPECIALISTS.order_management.id;
const BILLING = SPECIALISTS.billing.id;

describe.skipIf(!hasChromium)('the playground in a browser', () => {
  let playground: Playground;
  let browser: Browser;
  const pages: Page[] = [];

  beforeAll(async () => {
    [playground, browser] = await Promise.all([startPlayground({ port: 0, start: START }), launchChromium()]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
  }, 60_000);

  const db = () => playground.stage.database.prisma;
  const open = async (as: string) => {
    const page = await openPage(browser, playground.url, as);
    pages.push(page);
    return page;
  };
  const requestFor = (quoteNumber: string) =>
    eventually(
      () => db().bookingRequest.findFirst({ where: { quoteNumber, parentTs: { not: null } } }),
      `request ${quoteNumber} posted`,
      WAIT_MS,
    );
  const stepRecord = async (quoteNumber: string, stepId: string) => {
    const request = await db().bookingRequest.findFirstOrThrow({ where: { quoteNumber } });
    return WorkflowStateSchema.parse(request.workflow).steps.find((step) => step.id === stepId);
  };

  it(
    'a rep opens /book, sees a mistake beside its field, fixes it and submits',
    async () => {
      const page = await open(REQUESTER.id);
      await typeInBox(page, '/book Q-3001');
      await modal(page).waitFor();
      // The quote number typed after /book is filled in; the region is guessed from the rep's zone.
      expect(await inputBlock(page, 'quoteNumber').locator('input').inputValue()).toBe('Q-3001');
      expect(await inputBlock(page, 'region').locator('select').inputValue()).toBe('EMEA');

      const fields = bookingFields({ quoteNumber: 'Q-3001', customerAccountName: 'Scenario One Ltd' });
      await fillForm(page, { ...fields, lines: 'PRO-SEAT | Pro seat licence | 0 | 40.00' });
      await submitModal(page);
      const error = inputBlock(page, 'lines').locator('.bk-error');
      await error.waitFor();
      expect(await error.textContent()).toContain('quantity must be a whole number above 0');
      // Nothing was recorded, and what the rep typed is still there.
      expect(await db().bookingRequest.count({ where: { quoteNumber: 'Q-3001' } })).toBe(0);
      expect(await inputBlock(page, 'customerAccountName').locator('input').inputValue()).toBe(
        'Scenario One Ltd',
      );

      await fillInput(page, 'lines', fields.lines!);
      await submitModal(page);
      await modal(page).waitFor({ state: 'detached' });
      const request = await requestFor('Q-3001');
      // The status card appears in the channel without reloading, and the rep's DM has the reference.
      await channelMessage(page, request.reference).waitFor();
      expect(await channelMessage(page, request.reference).textContent()).toContain('Scenario One Ltd');
      await page.locator('[data-nav="dm"]').click();
      await page.locator('#pg-feed .pg-message', { hasText: request.reference }).first().waitFor();
      expect(
        playground.stage.emulator.dmWith(REQUESTER.id).some((m) => m.text.includes(request.reference)),
      ).toBe(true);
      // The DM's link to the thread opens the desk channel with the thread beside it, as in Slack.
      await page.locator('#pg-feed a', { hasText: 'thread' }).first().click();
      await page.locator('#pg-thread .pg-message', { hasText: 'Verify the quote' }).first().waitFor();
    },
    SCENARIO_MS,
  );

  it(
    'the order-management specialist takes step 1, ticks its checklist and completes it',
    async () => {
      const rep = await open(REQUESTER.id);
      await bookThroughPage(rep, { quoteNumber: 'Q-3002', customerAccountName: 'Scenario Two Ltd' });
      const request = await requestFor('Q-3002');

      const page = await open(REQUESTER.id);
      await actAs(page, ORDERS);
      await channelMessage(page, request.reference).waitFor();
      await openThreadOf(page, request.reference);
      const step = threadMessage(page, 'Verify the quote');
      await step.locator('[data-action-id="step_take"]').click();
      await eventually(
        async () => (await stepRecord('Q-3002', 'verify_quote'))?.assignee?.userId === ORDERS,
        'taken',
      );
      await threadMessage(page, 'Verify the quote').getByText('Omar Orders').first().waitFor();

      const boxes = threadMessage(page, 'Verify the quote').locator('input[type="checkbox"]');
      const count = await boxes.count();
      expect(count).toBe(4);
      for (let index = 0; index < count; index++) {
        await threadMessage(page, 'Verify the quote').locator('input[type="checkbox"]').nth(index).check();
        await expect
          .poll(
            async () => {
              const record = await stepRecord('Q-3002', 'verify_quote');
              return Object.values(record?.checks ?? {}).filter((check) => check.ticked).length;
            },
            { timeout: WAIT_MS },
          )
          .toBe(index + 1);
      }
      await expect
        .poll(
          () => threadMessage(page, 'Verify the quote').locator('input[type="checkbox"]:checked').count(),
          {
            timeout: WAIT_MS,
          },
        )
        .toBe(4);

      await threadMessage(page, 'Verify the quote').locator('[data-action-id="step_complete"]').click();
      await modal(page).waitFor();
      await fillForm(page, { quote_version: 'v3', quote_valid_until: '2026-12-31' });
      await submitModal(page);
      await modal(page).waitFor({ state: 'detached' });
      await threadMessage(page, 'Verify the quote').getByText('Completed').first().waitFor();
      await threadMessage(page, 'Confirm the subscription terms').waitFor();
      const record = await stepRecord('Q-3002', 'verify_quote');
      expect(record?.status).toBe('completed');
      expect(record?.evidence).toMatchObject({ quote_version: 'v3', quote_valid_until: '2026-12-31' });
    },
    SCENARIO_MS,
  );

  it(
    'a specialist of another role is refused, and only they see why',
    async () => {
      const rep = await open(REQUESTER.id);
      await bookThroughPage(rep, { quoteNumber: 'Q-3003', customerAccountName: 'Scenario Three Ltd' });
      const request = await requestFor('Q-3003');

      const page = await open(BILLING);
      await channelMessage(page, request.reference).waitFor();
      await openThreadOf(page, request.reference);
      await threadMessage(page, 'Verify the quote').locator('[data-action-id="step_take"]').click();
      const refusal = page.locator('#pg-thread .pg-ephemeral', { hasText: 'can take this step' });
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('Only visible to you');
      expect(await refusal.textContent()).toContain('@order-management-emea');

      const audit = await eventually(
        () =>
          db().auditEvent.findFirst({
            where: { action: 'refused.take', actorId: BILLING, requestId: request.id },
          }),
        'the refusal audited',
      );
      expect(audit.actorId).toBe(BILLING);
      expect((await stepRecord('Q-3003', 'verify_quote'))?.assignee).toBeFalsy();
      // The rep looking at the same thread does not see it.
      await openThreadOf(rep, request.reference);
      await threadMessage(rep, 'Verify the quote').waitFor();
      expect(await rep.locator('#pg-thread .pg-ephemeral').count()).toBe(0);
    },
    SCENARIO_MS,
  );

  it(
    'a view the app pushes shows over the form; back returns to what was typed, × closes them all',
    async () => {
      const { emulator } = playground.stage;
      const page = await open(REQUESTER.id);
      await typeInBox(page, '/book Q-3010');
      await modal(page).waitFor();
      await fillInput(page, 'customerAccountName', 'Typed before the push');
      // The bot never pushes a view; push one as an app would, with the trigger of a click the bot
      // answers without a modal (the rep may not take a step).
      const step = emulator
        .messagesIn(DESK_CHANNEL.id)
        .flatMap((card) => emulator.threadOf(DESK_CHANNEL.id, card.ts))
        .find((message) => JSON.stringify(message.blocks ?? []).includes('"action_id":"step_take"'));
      expect(step).toBeDefined();
      const click = await emulator.client.blockAction({
        userId: REQUESTER.id,
        type: 'button',
        actionId: 'step_take',
        channel: DESK_CHANNEL.id,
        messageTs: step!.ts,
      });
      const pushed = await fetch(`${emulator.apiUrl}views.push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${emulator.botToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          trigger_id: click.triggerId,
          view: {
            type: 'modal',
            title: { type: 'plain_text', text: 'One more thing' },
            close: { type: 'plain_text', text: 'Back' },
            blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Pushed on top of the form' } }],
          },
        }),
      });
      expect(((await pushed.json()) as { ok: boolean }).ok).toBe(true);

      await modal(page).getByText('Pushed on top of the form').waitFor();
      await page.locator('.pg-modal-back').click();
      await modal(page).getByText('New booking').waitFor();
      expect(await inputBlock(page, 'customerAccountName').locator('input').inputValue()).toBe(
        'Typed before the push',
      );
      expect(emulator.openViewsOf(REQUESTER.id)).toHaveLength(1);

      await modal(page).locator('.bk-modal-x').click();
      await modal(page).waitFor({ state: 'detached' });
      expect(emulator.openViewsOf(REQUESTER.id)).toEqual([]);
    },
    SCENARIO_MS,
  );

  it(
    'the requester amends after changes are requested',
    async () => {
      const rep = await open(REQUESTER.id);
      await bookThroughPage(rep, { quoteNumber: 'Q-3004', customerAccountName: 'Scenario Four Ltd' });
      const request = await requestFor('Q-3004');

      const orders = await open(ORDERS);
      await channelMessage(orders, request.reference).waitFor();
      await openThreadOf(orders, request.reference);
      await threadMessage(orders, 'Verify the quote')
        .locator('[data-action-id="step_request_changes"]')
        .click();
      await modal(orders).waitFor();
      await fillForm(orders, { note: 'The quote says 30 seats, not 25.' });
      await submitModal(orders);
      await modal(orders).waitFor({ state: 'detached' });
      await eventually(
        async () =>
          (await db().bookingRequest.findUniqueOrThrow({ where: { id: request.id } })).status ===
          'changes_requested',
        'changes requested',
      );

      await rep.locator('[data-nav="dm"]').click();
      const dm = rep.locator('#pg-feed .pg-message', { hasText: '30 seats' }).last();
      await dm.waitFor();
      await dm.locator('[data-action-id="request_amend"]').click();
      await modal(rep).waitFor();
      expect(await inputBlock(rep, 'lines').locator('textarea').inputValue()).toContain(
        'PRO-SEAT | Pro seat licence | 25',
      );
      await fillInput(
        rep,
        'lines',
        'PRO-SEAT | Pro seat licence | 30 | 40.00 | 10\nSUPPORT | Premium support | 1 | 500.00',
      );
      await submitModal(rep);
      await modal(rep).waitFor({ state: 'detached' });

      await eventually(
        async () =>
          (await db().bookingRequest.findUniqueOrThrow({ where: { id: request.id } })).commercialVersion ===
          2,
        'version 2',
      );
      await rep.locator('[data-nav="channel"]').click();
      await openThreadOf(rep, request.reference);
      await rep.locator('#pg-thread .pg-message', { hasText: '25 → 30' }).first().waitFor();
    },
    SCENARIO_MS,
  );

  it(
    'the clock moved past the approval SLA brings the escalation ping',
    async () => {
      const rep = await open(REQUESTER.id);
      await bookThroughPage(rep, { quoteNumber: 'Q-3005', customerAccountName: 'Scenario Five Ltd' });
      const request = await requestFor('Q-3005');
      const page = await open(DESK_LEAD.id);
      await channelMessage(page, request.reference).waitFor();
      await openThreadOf(page, request.reference);

      // Monday morning + 12 business hours: due Tuesday around midday. Tuesday 16:45 London is past it.
      await page.locator('.pg-clock-region').selectOption('EMEA');
      await page.locator('[data-move="day"]').click();
      await expect
        .poll(() => page.locator('[data-testid="clock-time"]').textContent(), { timeout: WAIT_MS })
        .toMatch(/Tue/);
      await page.locator('.pg-clock-at').fill('16:45');
      await page.locator('[data-move="to-time"]').click();
      await expect
        .poll(() => page.locator('[data-testid="clock-time"]').textContent(), { timeout: WAIT_MS })
        .toMatch(/Tue.*16:4\d/);

      const ping = page.locator('#pg-thread .pg-message', { hasText: 'Escalation level 1' });
      await ping.first().waitFor();
      const escalated = await db().auditEvent.count({
        where: { action: 'sla.escalated', requestId: request.id },
      });
      expect(escalated).toBeGreaterThanOrEqual(1);
      const card = playground.stage.emulator
        .messagesIn(DESK_CHANNEL.id)
        .find((m) => m.text.includes(request.reference));
      expect(JSON.stringify(card?.blocks)).toContain('breached');
    },
    SCENARIO_MS,
  );

  it('sent nothing Slack would have rejected along the way', () => {
    // Slow acks on a busy machine are the machine's, not the page's or the bot's.
    const violations = playground.stage.emulator.violations.filter((v) => v.kind !== 'ack_timeout');
    expect(violations).toEqual([]);
  });
});
