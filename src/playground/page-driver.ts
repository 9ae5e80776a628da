// Driving the playground page as a person does — type in the message box, fill and submit the
// modal, open a thread, click what the bot posted, switch "viewing as" — in real Chromium (Debian's
// `chromium`, through playwright-core). The browser tests and the screenshot script share it.

import { existsSync } from 'node:fs';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { SAMPLE_BOOKING } from '../demo/sample-booking.ts';
import type { IntakeForm } from '../domain/booking/intake.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Generous: a 2-core machine shared with other work. */
export const WAIT_MS = 30_000;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}

export async function openPage(browser: Browser, url: string, as: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(WAIT_MS);
  await page.goto(`${url}?as=${as}`);
  await page.locator('body[data-ready="true"]').waitFor();
  return page;
}

/** Switches "viewing as" and waits until the page shows that person's view. */
export async function actAs(page: Page, userId: string): Promise<void> {
  await page.locator('#pg-viewer').selectOption(userId);
  await page.waitForURL(new RegExp(`as=${userId}`));
}

/** Types into the channel's (or the thread's) message box and sends with Enter. */
export async function typeInBox(page: Page, text: string, where: 'main' | 'thread' = 'main'): Promise<void> {
  const box = page.locator(`[data-composer="${where}"] textarea`);
  await box.fill(text);
  await box.press('Enter');
  await page.locator(`[data-composer="${where}"] textarea:not([disabled])`).waitFor();
}

export function modal(page: Page): Locator {
  return page.locator('#pg-modal-layer form.bk-modal');
}

export function inputBlock(page: Page, blockId: string): Locator {
  return modal(page).locator(`.bk-block-input[data-block-id="${blockId}"]`);
}

/** Fills one input of the open modal the way a person would: types, picks, ticks. */
export async function fillInput(page: Page, blockId: string, value: string): Promise<void> {
  const block = inputBlock(page, blockId);
  const select = block.locator('select');
  if ((await select.count()) > 0) {
    await select.selectOption(value);
    return;
  }
  await block.locator('input, textarea').first().fill(value);
}

/** The intake form's fields a rep types, from the demo's sample booking (optional empty ones left out). */
export function bookingFields(overrides: Partial<IntakeForm> = {}): Record<string, string> {
  const { urgent: _urgent, ...form } = { ...SAMPLE_BOOKING, ...overrides };
  return Object.fromEntries(
    Object.entries(form).filter((entry): entry is [string, string] => entry[1] !== ''),
  );
}

export async function fillForm(page: Page, fields: Record<string, string>): Promise<void> {
  for (const [blockId, value] of Object.entries(fields)) await fillInput(page, blockId, value);
}

export async function submitModal(page: Page): Promise<void> {
  await modal(page).locator('[data-modal-action="submit"]').click();
}

/** `/book <quote>` in the channel, the form filled with the sample booking, submitted, closed. */
export async function bookThroughPage(page: Page, overrides: Partial<IntakeForm> = {}): Promise<void> {
  await typeInBox(page, `/book ${overrides.quoteNumber ?? SAMPLE_BOOKING.quoteNumber}`);
  await modal(page).waitFor();
  await fillForm(page, bookingFields(overrides));
  await submitModal(page);
  await modal(page).waitFor({ state: 'detached' });
}

/** The channel message (a status card) that mentions `text`. */
export function channelMessage(page: Page, text: string): Locator {
  return page.locator('#pg-feed .pg-message', { hasText: text });
}

/** Opens the thread under the status card that mentions `text`. */
export async function openThreadOf(page: Page, text: string): Promise<Locator> {
  const card = channelMessage(page, text).last();
  await card.locator('.pg-replies').click();
  const pane = page.locator('#pg-thread');
  await pane.waitFor();
  return pane;
}

/** The thread's message that mentions `text` (the latest one). */
export function threadMessage(page: Page, text: string): Locator {
  return page.locator('#pg-thread .pg-message', { hasText: text }).last();
}
