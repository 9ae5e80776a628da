// Whatever the app sends, the page stays safe and honest: user text is shown as typed and never runs,
// ids and JSON in attributes cannot break out, and blocks the renderer does not know are shown as
// placeholders instead of vanishing.

import { describe, expect, it } from 'vitest';
import {
  renderBlocks,
  renderHome,
  renderMessage,
  renderModal,
} from '../../../src/playground/blocks/index.ts';
import { intakeModal } from '../../../src/slack/views/intake-modal.ts';
import { statusCard } from '../../../src/slack/views/status-card.ts';
import { anIntakeForm } from '../../support/builders.ts';
import { aBooking } from '../../transcript/fixtures.ts';
import { workspace } from './fixtures.ts';
import { tags, visibleText, withAttr } from './html.ts';

const HOSTILE = '<script>alert(1)</script> <!channel> <https://evil.test|bank> <@U_REP> *x*';

/** The tags the renderer itself may write: anything else came from app text. */
const OWN_TAGS = new Set([
  'div',
  'span',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'br',
  'a',
  'time',
  'hr',
  'form',
  'header',
  'h2',
  'button',
  'footer',
  'label',
  'input',
  'textarea',
  'select',
  'option',
  'optgroup',
  'details',
  'summary',
  'img',
  'figure',
  'figcaption',
  'ul',
  'ol',
  'li',
]);

function expectInert(html: string): void {
  for (const tag of tags(html)) expect(OWN_TAGS, tag.name).toContain(tag.name);
  expect(html).not.toMatch(/<script|<img src=x/i);
  for (const link of tags(html, 'a')) expect(link.attrs.href).not.toContain('evil.test');
  expect(html).not.toContain('bk-mention-broadcast');
}

describe('user text from the real builders', () => {
  it('shows a hostile customer name as typed on the status card', () => {
    const booking = aBooking();
    booking.draft.customerAccountName = HOSTILE;
    const html = renderMessage(statusCard(booking), workspace);
    expectInert(html);
    const text = visibleText(html);
    // The header is plain_text (literal); the fields are mrkdwn the app escaped: both read as typed.
    expect(text).toContain(`BK-2026-000001 · ${HOSTILE}`);
    // Slack escapes only & < >, so the *x* the rep typed is bold there too.
    expect(text).toContain(`Customer\n${HOSTILE.replace('*x*', 'x')} (0015g00000AcMe1)`);
    expect(withAttr(html, 'data-user-id').every((tag) => tag.attrs['data-user-id'] === 'U_REP')).toBe(true);
  });

  it('keeps hostile initial values inside their inputs', () => {
    const view = intakeModal({
      prefill: anIntakeForm({
        quoteNumber: '"><script>alert(1)</script>',
        lines: '</textarea><script>x</script>\nline',
      }),
      privateMetadata: '{}',
    });
    const html = renderModal(view, workspace);
    expectInert(html);
    expect(withAttr(html, 'data-action-id', 'quoteNumber')[0]?.attrs.value).toBe(
      '"><script>alert(1)</script>',
    );
    expect(html).toContain('>\n&lt;/textarea&gt;&lt;script&gt;x&lt;/script&gt;\nline</textarea>');
  });
});

describe('hostile Block Kit', () => {
  it('escapes ids, values, option labels and confirm text in attributes', () => {
    const evil = '"><img src=x onerror=alert(1)>';
    const html = renderBlocks(
      [
        {
          type: 'actions',
          block_id: evil,
          elements: [
            {
              type: 'button',
              action_id: evil,
              value: evil,
              text: { type: 'plain_text', text: evil },
              confirm: {
                title: { type: 'plain_text', text: evil },
                text: { type: 'plain_text', text: '</script>' },
              },
            },
            {
              type: 'static_select',
              action_id: 's',
              options: [{ text: { type: 'plain_text', text: evil }, value: evil }],
            },
          ],
        },
      ],
      workspace,
    );
    expectInert(html);
    const [button] = withAttr(html, 'data-element-type', 'button');
    expect(button?.attrs).toMatchObject({
      'data-block-id': evil,
      'data-action-id': evil,
      'data-value': evil,
    });
    expect(JSON.parse(button?.attrs['data-confirm'] ?? '')).toMatchObject({ title: { text: evil } });
    expect(JSON.parse(withAttr(html, 'data-option')[0]?.attrs['data-option'] ?? '')).toMatchObject({
      value: evil,
    });
  });

  it('never links or loads anything but http(s) (and mailto for links)', () => {
    const html = renderBlocks(
      [
        {
          type: 'section',
          text: { type: 'mrkdwn', text: 'x' },
          accessory: {
            type: 'button',
            action_id: 'b',
            text: { type: 'plain_text', text: 'Go' },
            url: 'javascript:alert(1)',
          },
        },
        { type: 'image', image_url: 'javascript:alert(1)', alt_text: 'chart' },
        {
          type: 'context',
          elements: [
            { type: 'image', image_url: 'data:image/svg+xml,<svg onload=alert(1)>', alt_text: 'logo' },
          ],
        },
      ],
      workspace,
    );
    expect(html).not.toMatch(/javascript:|data:image|href=/);
    expect(tags(html, 'img')).toEqual([]);
    expect(visibleText(html)).toContain('[image: chart]');
    expect(withAttr(html, 'data-action-id', 'b')[0]?.name).toBe('button');
  });

  it('makes a safe link button a real link, or a button when it has a confirm', () => {
    const url = 'https://crm.example/orders/1';
    const link = { type: 'button', action_id: 'open', text: { type: 'plain_text', text: 'Open' }, url };
    const confirm = { text: { type: 'plain_text', text: 'Leave?' } };
    const html = renderBlocks(
      [{ type: 'actions', elements: [link, { ...link, action_id: 'open2', confirm }] }],
      workspace,
    );
    const [plain, guarded] = withAttr(html, 'data-element-type', 'button');
    expect(plain).toMatchObject({
      name: 'a',
      attrs: { href: url, target: '_blank', rel: 'noopener noreferrer', 'data-url': url },
    });
    expect(guarded).toMatchObject({ name: 'button', attrs: { 'data-url': url } });
    expect(guarded?.attrs.href).toBeUndefined();
  });
});

describe('blocks the renderer does not know', () => {
  it('are shown as placeholders, in place, never dropped', () => {
    const html = renderBlocks(
      [
        { type: 'video', block_id: 'v1' },
        { type: 'markdown', text: '**x**' },
        null,
        'junk',
        {},
        { type: 'header', text: { type: 'plain_text', text: 'Still here' } },
      ],
      workspace,
    );
    const wrappers = tags(html).filter((tag) => 'data-block-type' in tag.attrs);
    expect(wrappers.map((tag) => tag.attrs['data-block-type'])).toEqual([
      'unsupported',
      'unsupported',
      'unsupported',
      'unsupported',
      'unsupported',
      'header',
    ]);
    expect(visibleText(html).split('\n')).toEqual([
      'Unsupported block: video',
      'Unsupported block: markdown',
      'Unsupported block: (no type)',
      'Unsupported block: (no type)',
      'Unsupported block: (no type)',
      'Still here',
    ]);
    expect(wrappers[0]?.attrs['data-block-id']).toBe('v1');
  });

  it('show unknown elements as placeholders beside the known ones', () => {
    const html = renderBlocks(
      [
        {
          type: 'actions',
          elements: [
            { type: 'external_select', action_id: 'x' },
            'junk',
            { type: 'button', action_id: 'ok', text: { type: 'plain_text', text: 'OK' } },
          ],
        },
        { type: 'section', text: { type: 'mrkdwn', text: 'hi' }, accessory: { type: 'workflow_button' } },
        { type: 'input', label: { type: 'plain_text', text: 'Notes' }, element: { type: 'rich_text_input' } },
        { type: 'context', elements: [{ type: 'something' }] },
      ],
      workspace,
    );
    const text = visibleText(html);
    for (const type of ['external_select', '(no type)', 'workflow_button', 'rich_text_input', 'something']) {
      expect(text).toContain(`Unsupported element: ${type}`);
    }
    expect(withAttr(html, 'data-action-id', 'ok')).toHaveLength(1);
  });

  it('render nonsense surfaces without throwing', () => {
    expect(renderModal(null, workspace)).toContain('Unsupported view');
    expect(renderModal({ title: 42, blocks: [42] }, workspace)).toContain('Unsupported block');
    expect(renderHome('nope', workspace)).toContain('data-surface="home"');
    expect(renderMessage({}, workspace)).toContain('bk-message-text');
  });
});
