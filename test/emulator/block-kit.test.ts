import { describe, expect, it } from 'vitest';
import { checkBlocks, checkView } from '../../src/emulator/index.ts';
import { button, section } from './helpers.ts';

const plain = (text: string) => ({ type: 'plain_text', text });
const option = (value: string, text = value) => ({ text: plain(text), value });
const long = (n: number) => 'x'.repeat(n);
const input = (actionId: string, element: Record<string, unknown> = { type: 'plain_text_input' }) => ({
  type: 'input',
  block_id: `b_${actionId}`,
  label: plain('Label'),
  element: { action_id: actionId, ...element },
});

function messageErrors(blocks: unknown[]): string[] {
  return checkBlocks(blocks, 'message').list;
}

describe('Block Kit checks', () => {
  it('accepts a realistic message', () => {
    const blocks = [
      { type: 'header', text: plain('Booking BK-1') },
      section('*Customer:* Acme'),
      { type: 'section', fields: [{ type: 'mrkdwn', text: '*A*' }], accessory: button('more', 'More') },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'ctx' }] },
      { type: 'divider' },
      {
        type: 'actions',
        elements: [
          button('approve', 'Approve', 'BK-1'),
          { type: 'static_select', action_id: 'pick', options: [option('a')], placeholder: plain('Pick') },
          { type: 'checkboxes', action_id: 'steps', options: [option('s1')] },
          { type: 'overflow', action_id: 'ovf', options: [option('o1')] },
          { type: 'datepicker', action_id: 'due', initial_date: '2026-01-31' },
        ],
      },
    ];
    expect(messageErrors(blocks)).toEqual([]);
  });

  it.each([
    ['51 blocks in a message', Array.from({ length: 51 }, () => ({ type: 'divider' })), '/blocks'],
    ['an unknown block type', [{ type: 'carousel' }], '/blocks/0/type'],
    ['a block_id over 255', [{ type: 'divider', block_id: long(256) }], '/blocks/0/block_id'],
    [
      'duplicate block_ids',
      [
        { type: 'divider', block_id: 'a' },
        { type: 'divider', block_id: 'a' },
      ],
      '/blocks/1/block_id',
    ],
    ['section text over 3000', [section(long(3001))], '/blocks/0/text/text'],
    ['empty text', [section('')], '/blocks/0/text/text'],
    ['a bad text type', [{ type: 'section', text: { type: 'markdown', text: 'x' } }], '/blocks/0/text/type'],
    [
      '11 fields',
      [{ type: 'section', fields: Array.from({ length: 11 }, () => plain('f')) }],
      '/blocks/0/fields',
    ],
    ['a field over 2000', [{ type: 'section', fields: [plain(long(2001))] }], '/blocks/0/fields/0/text'],
    [
      '26 action elements',
      [{ type: 'actions', elements: Array.from({ length: 26 }, (_, i) => button(`b${i}`, 'B')) }],
      '/blocks/0/elements',
    ],
    [
      '11 context elements',
      [{ type: 'context', elements: Array.from({ length: 11 }, () => plain('c')) }],
      '/blocks/0/elements',
    ],
    ['a header over 150', [{ type: 'header', text: plain(long(151)) }], '/blocks/0/text/text'],
    ['a mrkdwn header', [{ type: 'header', text: { type: 'mrkdwn', text: 'h' } }], '/blocks/0/text/type'],
    [
      'button text over 75',
      [{ type: 'actions', elements: [button('b', long(76))] }],
      '/blocks/0/elements/0/text/text',
    ],
    [
      'button value over 2000',
      [{ type: 'actions', elements: [button('b', 'B', long(2001))] }],
      '/blocks/0/elements/0/value',
    ],
    [
      'an action_id over 255',
      [{ type: 'actions', elements: [button(long(256), 'B')] }],
      '/blocks/0/elements/0/action_id',
    ],
    [
      'duplicate action_ids',
      [
        { type: 'actions', elements: [button('a', 'A')] },
        { type: 'actions', elements: [button('a', 'B')] },
      ],
      '/blocks/1/elements/0/action_id',
    ],
    [
      'an unknown element',
      [{ type: 'actions', elements: [{ type: 'slider', action_id: 's' }] }],
      '/blocks/0/elements/0/type',
    ],
    [
      'option text over 75',
      [
        {
          type: 'actions',
          elements: [{ type: 'static_select', action_id: 's', options: [option('v', long(76))] }],
        },
      ],
      '/blocks/0/elements/0/options/0/text/text',
    ],
    [
      '101 select options',
      [
        {
          type: 'actions',
          elements: [
            {
              type: 'static_select',
              action_id: 's',
              options: Array.from({ length: 101 }, (_, i) => option(`o${i}`)),
            },
          ],
        },
      ],
      '/blocks/0/elements/0/options',
    ],
    ['an input block in a message', [input('name')], '/blocks/0/type'],
  ])('rejects %s', (_name, blocks, pointer) => {
    const errors = messageErrors(blocks);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((e) => e.endsWith(`[json-pointer:${pointer}]`))).toBe(true);
  });

  it('accepts inputs and 100 blocks in a modal, and checks modal-level limits', () => {
    const ok = checkView(
      { type: 'modal', title: plain('Intake'), submit: plain('Save'), blocks: [input('name')] },
      'modal',
    );
    expect(ok.list).toEqual([]);
    const hundred = Array.from({ length: 100 }, () => ({ type: 'divider' }));
    expect(checkView({ type: 'home', blocks: hundred }, 'home').list).toEqual([]);
    expect(checkView({ type: 'home', blocks: [...hundred, { type: 'divider' }] }, 'home').list).toHaveLength(
      1,
    );

    const bad = checkView(
      {
        type: 'modal',
        title: plain(long(25)),
        close: plain(long(25)),
        private_metadata: long(3001),
        callback_id: long(256),
        blocks: [input('a'), input('b', { type: 'number_input' })],
      },
      'modal',
    ).list.join('\n');
    for (const pointer of [
      '/view/title/text',
      '/view/close/text',
      '/view/private_metadata',
      '/view/callback_id',
      '/view/submit',
      '/view/blocks/1/element/is_decimal_allowed',
    ]) {
      expect(bad).toContain(`[json-pointer:${pointer}]`);
    }
    expect(checkView({ type: 'home', blocks: [] }, 'modal').list.join()).toContain('/view/type');
  });
});
