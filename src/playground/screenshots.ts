// `npx tsx src/playground/screenshots.ts`: the pictures of the playground in docs/ and the README,
// taken from the real thing. It starts a playground on a free port at a fixed time, books a request
// through the page, lets the order-management specialist take step 1 and tick half its checklist,
// photographs the channel with the thread open, then a form with a mistake shown beside its field.
// Needs Chromium at /usr/bin/chromium (Debian's `chromium` package).

import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { SPECIALISTS } from '../demo/cast.ts';
import {
  actAs,
  bookingFields,
  bookThroughPage,
  channelMessage,
  fillForm,
  hasChromium,
  inputBlock,
  launchChromium,
  modal,
  openPage,
  openThreadOf,
  submitModal,
  threadMessage,
  typeInBox,
} from './page-driver.ts';
import { startPlayground } from './playground.ts';

const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
/** A Monday, 09:30 in London. */
const START = new Date('2026-11-23T09:30:00Z');

async function threadPicture(page: Page, reference: string): Promise<void> {
  await actAs(page, SPECIALISTS.order_management.id);
  await channelMessage(page, reference).waitFor();
  await openThreadOf(page, reference);
  const step = () => threadMessage(page, 'Verify the quote');
  await step().locator('[data-action-id="step_take"]').click();
  await step().getByText('Omar Orders').first().waitFor();
  for (const index of [0, 1]) {
    await step().locator('input[type="checkbox"]').nth(index).check();
    // The bot re-renders the step with the tick recorded; wait for that version.
    await page.locator('#pg-thread input[type="checkbox"]:checked').nth(index).waitFor();
    await page.waitForTimeout(500);
  }
  await page.screenshot({ path: `${DOCS}playground-thread.png` });
}

async function modalPicture(page: Page): Promise<void> {
  await page.locator('#pg-thread-close').click();
  await actAs(page, 'U0REP');
  await typeInBox(page, '/book Q-2048');
  await modal(page).waitFor();
  const fields = bookingFields({
    quoteNumber: 'Q-2048',
    customerAccountName: 'Globex GmbH',
    currency: 'EUR',
  });
  await fillForm(page, { ...fields, lines: 'PRO-SEAT | Pro seat licence | 0 | 40.00' });
  await submitModal(page);
  await inputBlock(page, 'lines').locator('.bk-error').waitFor();
  await inputBlock(page, 'lines').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${DOCS}playground-modal.png` });
}

async function main(): Promise<void> {
  if (!hasChromium) throw new Error('Chromium is not at /usr/bin/chromium (apt-get install chromium)');
  await mkdir(DOCS, { recursive: true });
  const [playground, browser] = await Promise.all([
    startPlayground({ port: 0, start: START }),
    launchChromium(),
  ]);
  try {
    const page = await openPage(browser, playground.url, 'U0REP');
    await bookThroughPage(page, { quoteNumber: 'Q-1234' });
    const request = await playground.stage.database.prisma.bookingRequest.findFirstOrThrow();
    await threadPicture(page, request.reference);
    await modalPicture(page);
    console.log(`Wrote ${DOCS}playground-thread.png and ${DOCS}playground-modal.png`);
  } finally {
    await browser.close();
    await playground.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
