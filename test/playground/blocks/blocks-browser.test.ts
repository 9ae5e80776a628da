// The browser module in real Chromium, on the app's real views rendered by the server-side renderer:
// what a person fills in becomes exactly the view.state.values the Slack emulator builds, clicks and
// changes become block actions, confirm dialogs ask first, and errors show under their inputs.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BlockActionIntent,
  renderHome,
  renderMessage,
  renderModal,
  type ViewStateValues,
} from '../../../src/playground/blocks/index.ts';
import { intakeModal } from '../../../src/slack/views/intake-modal.ts';
import { submitted } from '../../slack/views/support.ts';
import { anIntakeForm } from '../../support/builders.ts';
import { appSurfaces, workspace } from './fixtures.ts';

const CHROMIUM = '/usr/bin/chromium';
const WEB = join(import.meta.dirname, '../../../src/playground/web');

async function bundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: "import * as bk from './blocks-client.ts'; (window as unknown as { bk: typeof bk }).bk = bk;",
      resolveDir: WEB,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

// Code for the page is written as strings: this file is type-checked with Node's lib, without the DOM.
// The bundle puts the module on window.bk; listenForActions pushes every block action to window.intents.

describe.skipIf(!existsSync(CHROMIUM))('the Block Kit browser module in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let script: string;
  const css = readFileSync(join(WEB, 'blocks.css'), 'utf8');

  beforeAll(async () => {
    script = await bundle();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
    page = await browser.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** Shows `html` on a fresh page with the module loaded; every block action lands in window.intents. */
  async function show(html: string): Promise<void> {
    await page.setContent(
      `<!doctype html><html><head><style>${css}</style></head><body>${html}</body></html>`,
    );
    await page.addScriptTag({ content: script, type: 'module' });
    await page.waitForFunction('window.bk !== undefined');
    await page.evaluate(`
      window.intents = [];
      window.bk.listenForActions(document.body, (intent) => window.intents.push(intent));
    `);
  }

  function run<T>(expression: string): Promise<T> {
    return page.evaluate(expression) as Promise<T>;
  }

  const intents = () => run<BlockActionIntent[]>('window.intents');
  const state = () => run<ViewStateValues>("window.bk.collectViewState(document.querySelector('.bk-modal'))");
  const validate = () => run<Record<string, string>>('window.bk.validateView(document.body)');

  describe('a modal', () => {
    const view = intakeModal({ prefill: {}, privateMetadata: '{}' });

    it('gives Slack’s empty values for untouched inputs', async () => {
      await show(renderModal(view, workspace));
      const values = await state();
      expect(values.quoteNumber).toEqual({ quoteNumber: { type: 'plain_text_input', value: null } });
      expect(values.region).toEqual({ region: { type: 'static_select', selected_option: null } });
      expect(values.urgent).toEqual({ urgent: { type: 'checkboxes', selected_options: [] } });
      expect(values.subscriptionStart).toEqual({
        subscriptionStart: { type: 'datepicker', selected_date: null },
      });
      expect(values.termMonths?.termMonths?.selected_option).toMatchObject({ value: '12' });
      expect(values.renewalNoticeDays).toEqual({ renewalNoticeDays: { type: 'number_input', value: '30' } });
    });

    it('collects exactly the state values the Slack emulator builds for the same input', async () => {
      await show(renderModal(view, workspace));
      const form = anIntakeForm({ urgent: true, discountNotes: 'VP approved 10 %', credits: '' });
      await page.fill('[data-action-id="quoteNumber"]', form.quoteNumber);
      await page.selectOption('[data-action-id="region"]', form.region);
      await page.check('[data-action-id="urgent"] input[value="urgent"]');
      await page.fill('[data-action-id="customerAccountName"]', form.customerAccountName);
      await page.fill('[data-action-id="customerCrmId"]', form.customerCrmId);
      await page.fill('[data-action-id="contactName"]', form.contactName);
      await page.fill('[data-action-id="contactEmail"]', form.contactEmail);
      await page.selectOption('[data-action-id="currency"]', form.currency);
      await page.fill('[data-action-id="lines"]', form.lines);
      await page.fill('[data-action-id="subscriptionStart"]', form.subscriptionStart ?? '');
      await page.selectOption('[data-action-id="billingFrequency"]', form.billingFrequency);
      await page.fill('[data-action-id="renewalNoticeDays"]', '45');
      await page.fill('[data-action-id="discountNotes"]', form.discountNotes);
      await page.fill('[data-action-id="invoiceRecipientName"]', form.invoiceRecipientName);
      await page.fill('[data-action-id="invoiceRecipientEmail"]', form.invoiceRecipientEmail);

      const expected = submitted(view, {
        quoteNumber: form.quoteNumber,
        region: form.region,
        urgent: ['urgent'],
        customerAccountName: form.customerAccountName,
        customerCrmId: form.customerCrmId,
        contactName: form.contactName,
        contactEmail: form.contactEmail,
        currency: form.currency,
        lines: form.lines,
        subscriptionStart: form.subscriptionStart,
        billingFrequency: form.billingFrequency,
        renewalNoticeDays: '45',
        discountNotes: form.discountNotes,
        invoiceRecipientName: form.invoiceRecipientName,
        invoiceRecipientEmail: form.invoiceRecipientEmail,
      });
      expect(await state()).toEqual(expected);
      expect(await validate()).toEqual({});
    });

    it('reads radio buttons and users_select as Slack does', async () => {
      const survey = appSurfaces().find((surface) => surface.name === 'survey')!.view!;
      await show(renderModal(survey, workspace));
      await page.check('[data-action-id="score"] input[value="4"]');
      expect((await state()).score).toEqual({
        score: {
          type: 'radio_buttons',
          selected_option: {
            text: { type: 'plain_text', text: expect.any(String), emoji: true },
            value: '4',
          },
        },
      });
      const reassign = appSurfaces().find((surface) => surface.name === 'reassign step')!.view!;
      await show(renderModal(reassign, workspace));
      await page.selectOption('[data-action-id="to"]', 'UOMA0002');
      expect((await state()).to).toEqual({ to: { type: 'users_select', selected_user: 'UOMA0002' } });
      expect(await intents()).toEqual([]);
    });

    it('refuses what Slack’s client refuses, and shows errors under their inputs', async () => {
      await show(renderModal(view, workspace));
      await page.fill('[data-action-id="contactEmail"]', 'not an e-mail');
      await page.fill('[data-action-id="renewalNoticeDays"]', '400');
      const errors = await validate();
      expect(errors).toMatchObject({
        quoteNumber: 'Please complete this required field.',
        region: 'Please complete this required field.',
        contactEmail: 'Please enter a valid email address.',
        renewalNoticeDays: 'Please enter a number between 0 and 365.',
      });
      expect(errors.urgent).toBeUndefined();
      expect(errors.discountNotes).toBeUndefined();

      const stray = await run<string[]>(
        "window.bk.showErrors(document.body, { quoteNumber: 'Q-1234 already has an open request', ghost: 'Boo' })",
      );
      expect(stray).toEqual(['ghost']);
      const error = page.locator('[data-block-id="quoteNumber"].bk-has-error .bk-error');
      expect(await error.textContent()).toBe('Q-1234 already has an open request');
      expect(await page.locator('.bk-modal-errors').textContent()).toContain('"ghost"');
      await run('window.bk.clearErrors(document.body)');
      expect(await page.locator('.bk-error').count()).toBe(0);
    });
  });

  describe('a step message', () => {
    const surface = appSurfaces().find((candidate) => candidate.name === 'step message, active')!;
    const message = {
      ...surface.message!,
      channel: 'C0DESK',
      ts: '1794648600.000300',
      thread_ts: '1794648600.000100',
    };

    it('reports a button click with its value and where it was', async () => {
      await show(renderMessage(message, workspace));
      await page.click('[data-action-id="step_complete"]');
      await expect.poll(intents).toHaveLength(1);
      const [intent] = await intents();
      expect(intent).toMatchObject({
        actionId: 'step_complete',
        blockId: 'step_actions',
        type: 'button',
        style: 'primary',
        text: { type: 'plain_text', text: 'Complete' },
        container: {
          type: 'message',
          channel: 'C0DESK',
          messageTs: '1794648600.000300',
          threadTs: '1794648600.000100',
        },
      });
      expect(JSON.parse(intent?.value ?? '')).toEqual({
        r: '5f0c2a4e-1b7d-4c1e-9a55-0d2a7c3e9b10',
        s: 'confirm_terms',
      });
    });

    it('reports a checklist tick with every ticked option', async () => {
      await show(renderMessage(message, workspace));
      await page.check('[data-action-id="step_checklist"] input[value="term_length"]');
      await expect.poll(intents).toHaveLength(1);
      const [intent] = await intents();
      expect(intent).toMatchObject({ actionId: 'step_checklist', type: 'checkboxes' });
      expect(intent?.selectedOptions?.map((option) => option.value)).toEqual(['start_date', 'term_length']);
    });

    it('asks the confirm dialog first, and sends nothing when denied', async () => {
      await show(renderMessage(message, workspace));
      await page.click('[data-action-id="step_take"]');
      const dialog = page.locator('.bk-confirm');
      expect(await dialog.locator('.bk-confirm-title').textContent()).toBe('Take over this step?');
      expect(await dialog.locator('[data-confirm-action="deny"]').textContent()).toBe('Go back');
      await dialog.locator('[data-confirm-action="deny"]').click();
      expect(await page.locator('.bk-confirm').count()).toBe(0);
      expect(await intents()).toEqual([]);

      await page.click('[data-action-id="step_take"]');
      await page.click('.bk-confirm [data-confirm-action="confirm"]');
      await expect.poll(intents).toHaveLength(1);
      expect((await intents())[0]).toMatchObject({
        actionId: 'step_take',
        confirm: { title: { text: 'Take over this step?' } },
      });
    });

    it('styles a danger confirm red', async () => {
      const update = appSurfaces().find((candidate) => candidate.name === 'requester update')!;
      await show(renderMessage(update.message!, workspace));
      await page.click('[data-action-id="request_withdraw"]');
      const yes = page.locator('.bk-confirm [data-confirm-action="confirm"]');
      expect(await yes.getAttribute('class')).toBe('bk-btn bk-btn-danger');
      expect(
        await run(
          `getComputedStyle(document.querySelector('.bk-confirm [data-confirm-action="confirm"]')).backgroundColor`,
        ),
      ).toBe('rgb(224, 30, 90)');
      await page.keyboard.press('Escape');
      expect(await page.locator('.bk-confirm').count()).toBe(0);
      expect(await intents()).toEqual([]);
    });
  });

  describe('elements outside input blocks', () => {
    const option = (value: string) => ({ text: { type: 'plain_text', text: `Option ${value}` }, value });
    const blocks = [
      {
        type: 'actions',
        block_id: 'tools',
        elements: [
          {
            type: 'static_select',
            action_id: 'pick',
            placeholder: { type: 'plain_text', text: 'Pick' },
            options: [option('a'), option('b')],
          },
          { type: 'users_select', action_id: 'who' },
          { type: 'datepicker', action_id: 'when' },
          { type: 'overflow', action_id: 'more', options: [option('x'), option('y')] },
          {
            type: 'checkboxes',
            action_id: 'guarded',
            options: [option('1')],
            confirm: {
              title: { type: 'plain_text', text: 'Sure?' },
              text: { type: 'mrkdwn', text: 'Really &lt;tick&gt; it? :tada:' },
            },
          },
        ],
      },
    ];

    it('reports selects, pickers and overflow options with Slack’s selection fields', async () => {
      await show(renderHome({ type: 'home', id: 'V_HOME', blocks }, workspace));
      await page.selectOption('[data-action-id="pick"]', 'b');
      await page.selectOption('[data-action-id="who"]', 'U_REP');
      await page.fill('[data-action-id="when"]', '2026-12-24');
      await page.click('[data-action-id="more"] summary');
      await page.click('[data-action-id="more"] .bk-overflow-option >> text=Option y');
      await expect.poll(intents).toHaveLength(4);
      const got = await intents();
      expect(got.map(({ actionId, blockId, type }) => ({ actionId, blockId, type }))).toEqual([
        { actionId: 'pick', blockId: 'tools', type: 'static_select' },
        { actionId: 'who', blockId: 'tools', type: 'users_select' },
        { actionId: 'when', blockId: 'tools', type: 'datepicker' },
        { actionId: 'more', blockId: 'tools', type: 'overflow' },
      ]);
      expect(got[0]?.selectedOption).toEqual(option('b'));
      expect(got[0]?.placeholder).toEqual({ type: 'plain_text', text: 'Pick' });
      expect(got[1]?.selectedUser).toBe('U_REP');
      expect(got[2]?.selectedDate).toBe('2026-12-24');
      expect(got[3]?.selectedOption).toEqual(option('y'));
      expect(got[0]?.container).toEqual({ type: 'view', surface: 'home', viewId: 'V_HOME' });
      expect(await page.locator('[data-action-id="more"]').getAttribute('open')).toBeNull();
    });

    it('puts a change back when its confirm is denied', async () => {
      await show(renderHome({ type: 'home', blocks }, workspace));
      const box = page.locator('[data-action-id="guarded"] input');
      await box.check();
      expect(await page.locator('.bk-confirm-text').textContent()).toBe('Really <tick> it? 🎉');
      await page.click('.bk-confirm [data-confirm-action="deny"]');
      expect(await box.isChecked()).toBe(false);
      await box.check();
      await page.click('.bk-confirm [data-confirm-action="confirm"]');
      await expect.poll(intents).toHaveLength(1);
      expect(await box.isChecked()).toBe(true);
      expect((await intents())[0]?.selectedOptions).toEqual([option('1')]);
    });
  });
});
