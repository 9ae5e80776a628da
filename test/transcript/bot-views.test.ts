// The bot's real Block Kit builders, rendered as a newcomer reads them in `npm run demo`.

import { describe, expect, it } from 'vitest';
import { homeView } from '../../src/slack/views/home.ts';
import { intakeModal } from '../../src/slack/views/intake-modal.ts';
import { requesterConfirmation } from '../../src/slack/views/requester-confirmation.ts';
import { statusCard } from '../../src/slack/views/status-card.ts';
import { renderBlocks, renderMessage, renderView } from '../../src/transcript/index.ts';
import { aBooking, overlongLines, workspace } from './fixtures.ts';

describe('status card', () => {
  const card = statusCard(aBooking({ urgent: true }));
  const text = renderBlocks(card.blocks, { ...workspace, timeZone: 'Europe/London' });

  it('shows what the desk needs at a glance', () => {
    expect(text).toContain('BK-2026-000001 · Acme Widgets Ltd\n═');
    for (const expected of [
      'Status',
      'Submitted',
      'Total contract value',
      'GBP 16,800.00',
      'Acme Widgets Ltd (`0015g00000AcMe1`)',
      'Q-1234 · version 1',
      '@rita',
      'EMEA',
      '12 months (1 year) from 2026-12-01',
      'Annually · Net 30',
      "Auto-renews · 30 days' notice",
      '🚨 Urgent',
      '• `PRO-SEAT` Pro seat licence × 25 @ GBP 40.00/mo −10 % = GBP 10,800.00',
      '• `SUPPORT` Premium support × 1 @ GBP 500.00/mo = GBP 6,000.00',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('renders the submission time in the reader zone, not as a raw token', () => {
    expect(text).toContain('Submitted Nov 14, 2026 at 9:30 AM by @rita · BK-2026-000001');
    expect(text).not.toContain('<!date');
    const tokyo = renderBlocks(card.blocks, { ...workspace, timeZone: 'Asia/Tokyo' });
    expect(tokyo).toContain('Submitted Nov 14, 2026 at 6:30 PM by @rita');
    const sameDay = renderBlocks(card.blocks, { ...workspace, now: new Date('2026-11-14T17:00:00Z') });
    expect(sameDay).toContain('Submitted today at 9:30 AM');
  });

  it('shows escaped user text as typed, and only real mentions as names', () => {
    const booking = aBooking();
    booking.draft.customerAccountName = 'Acme <!channel> & <@U_OPS>';
    const rendered = renderBlocks(statusCard(booking).blocks, workspace);
    expect(rendered).toContain('Acme <!channel> & <@U_OPS> (`0015g00000AcMe1`)');
    expect(rendered).not.toContain('@omar');
    expect(rendered).not.toContain('@channel');
    expect(rendered).toContain('Requester');
    expect(rendered).toMatch(/^@rita/m);
  });

  it('fits a narrow terminal', () => {
    const narrow = renderBlocks(card.blocks, { ...workspace, width: 48 });
    expect(overlongLines(narrow, 48)).toEqual([]);
    expect(narrow).toContain('Status: Submitted');
    expect(narrow).toContain('Total contract value: GBP 16,800.00');
  });

  it('renders as a message from the bot', () => {
    const message = {
      ts: '1794648600.000100',
      user: 'U_BOT',
      bot_id: 'B1',
      text: card.text,
      blocks: card.blocks,
    };
    const rendered = renderMessage(message, workspace);
    expect(rendered.split('\n')[0]).toBe('Booking Desk APP  2026-11-14 09:30');
    expect(rendered).toContain('GBP 16,800.00');
  });
});

describe('requester confirmation', () => {
  it('tells the rep where the request is, with the link spelled out', () => {
    const url = 'https://booking-desk.slack.com/archives/C_DESK/p1794648600000100';
    const { blocks } = requesterConfirmation(aBooking(), url);
    const text = renderBlocks(blocks, { ...workspace, width: 200 });
    expect(text).toContain(
      '✅ Your booking request BK-2026-000001 for Acme Widgets Ltd (GBP 16,800.00) is with the EMEA desk.',
    );
    expect(text).toContain(`Follow it in its thread in the desk channel (${url}).`);
    expect(text).toContain('Quote Q-1234 · keep this reference for questions: BK-2026-000001');
  });

  it('names the desk channel while the thread is on its way', () => {
    const text = renderBlocks(requesterConfirmation(aBooking(), null).blocks, workspace);
    expect(text).toContain('Its thread in #booking-desk is on its way.');
  });
});

describe('intake modal', () => {
  const modal = intakeModal({
    prefill: { quoteNumber: 'Q-1234', urgent: true, subscriptionStart: '2026-12-01', region: 'EMEA' },
    privateMetadata: '{}',
  });
  const text = renderView(modal, { width: 100 });

  it('has a title bar and the Cancel / Submit footer', () => {
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^┏━ New booking \(modal\) ━+$/);
    expect(lines.at(-1)).toMatch(/^┗━ \[ Cancel \] {2}\[ Submit booking \] ━+$/);
    expect(lines.slice(1, -1).every((line) => line.startsWith('┃'))).toBe(true);
  });

  it('shows every input with its label, value or placeholder, and hint', () => {
    for (const expected of [
      '┃ Deal\n┃ ════',
      '┃ Quote number\n┃   [ Q-1234 ]',
      '┃ Booking region\n┃   [EMEA ▾]\n┃   The region whose desk books and bills this order.',
      '┃ Urgency (optional)\n┃   ☑ Urgent: the customer has a hard deadline',
      '┃ Customer account name\n┃   [ ________________________ ]',
      '┃ CRM account ID\n┃   [ ‹0015g00000AbCdE› ]',
      '┃ Contact e-mail\n┃   [ ‹name@company.com› ]',
      '┃ Currency\n┃   [Choose… ▾]',
      '┃ Product lines\n┃   [ ‹PRO-SEAT | Pro seat licence | 25 | 40.00 | 10› ]',
      '┃ Subscription start\n┃   [📅 2026-12-01]',
      '┃ Term\n┃   [12 months (1 year) ▾]',
      '┃ Renewal\n┃   [Auto-renews ▾]',
      '┃ Renewal notice (days) (optional)\n┃   [ 30 ]',
      '┃ Payment terms\n┃   [Net 30 ▾]',
      '┃ Discounts (optional)',
      '┃ Notes for billing and provisioning (optional)',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('leaves the urgency box unticked when not urgent', () => {
    const plain = renderView(intakeModal({ prefill: {}, privateMetadata: '' }));
    expect(plain).toContain('☐ Urgent: the customer has a hard deadline');
    expect(plain).toContain('[📅 Select a date]');
  });

  it('shows errors the emulator stored on the view under their inputs', () => {
    const withErrors = renderView({
      ...modal,
      errors: { lines: 'Line 2: quantity must be a whole number above 0' },
    });
    expect(withErrors).toContain(
      'Product lines\n┃   [ ‹PRO-SEAT | Pro seat licence | 25 | 40.00 | 10› ]\n┃   One product per line',
    );
    expect(withErrors).toMatch(/to 40 lines\.\n┃ {3}⚠ Line 2: quantity must be a whole number above 0\n/);
  });

  it('uses the amend title and submit label', () => {
    const amend = renderView(
      intakeModal({ prefill: {}, privateMetadata: '', title: 'Amend BK-1', submitLabel: 'Save' }),
    );
    expect(amend).toMatch(/^┏━ Amend BK-1 /);
    expect(amend).toContain('[ Cancel ]  [ Save ]');
  });
});

describe('App Home', () => {
  it('shows the title, the blurb, the button and the hint, without a footer', () => {
    const text = renderView(homeView(), { appName: 'Booking Desk', width: 80 });
    expect(text.split('\n')[0]).toMatch(/^┏━ Home · Booking Desk ━+$/);
    expect(text).toContain('┃ Booking Desk\n┃ ════════════');
    expect(text).toContain('[ New booking ] (primary)');
    expect(text).toContain('Or type `/book` in any channel · `/book help` for more.');
    expect(text).not.toContain('Cancel');
    expect(overlongLines(text, 80)).toEqual([]);
  });
});
