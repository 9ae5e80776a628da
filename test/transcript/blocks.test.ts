import { describe, expect, it } from 'vitest';
import { renderBlocks } from '../../src/transcript/index.ts';
import { overlongLines, workspace } from './fixtures.ts';

const plain = (text: string) => ({ type: 'plain_text', text });
const md = (text: string) => ({ type: 'mrkdwn', text });
const option = (value: string, text: string) => ({ value, text: plain(text) });
const render = (blocks: unknown[], width = 100) => renderBlocks(blocks, { ...workspace, width });

describe('renderBlocks: layout blocks', () => {
  it('underlines headers and draws dividers', () => {
    expect(render([{ type: 'header', text: plain('Deal :tada:') }, { type: 'divider' }], 20)).toBe(
      'Deal 🎉\n═══════\n\n────────────────────',
    );
  });

  it('renders section text and fields as two columns', () => {
    const fields = [md('*Status*\nBooked'), md('*Region*\nEMEA')];
    const text = render([{ type: 'section', text: md('*Hello* <@U_REP>'), fields }], 50);
    const column = (50 - 4) / 2;
    expect(text).toBe(
      ['Hello @rita', '', `${'Status'.padEnd(column)}    Region`, `${'Booked'.padEnd(column)}    EMEA`].join(
        '\n',
      ),
    );
  });

  it('renders fields as "label: value" when asked or when narrow', () => {
    const blocks = [
      { type: 'section', fields: [md('*Status*\nBooked'), md('one line'), plain('*not mrkdwn*')] },
    ];
    const expected = 'Status: Booked\none line\n*not mrkdwn*';
    expect(renderBlocks(blocks, { fields: 'list' })).toBe(expected);
    expect(renderBlocks(blocks, { width: 40 })).toBe(expected);
  });

  it('shows a section accessory beside the text', () => {
    const button = { type: 'button', action_id: 'a', text: plain('Edit') };
    expect(render([{ type: 'section', text: md('Quote Q-1'), accessory: button }])).toBe(
      'Quote Q-1  [ Edit ]',
    );
    const overflow = {
      type: 'overflow',
      action_id: 'o',
      options: [option('a', 'Amend'), option('w', 'Withdraw')],
    };
    expect(render([{ type: 'section', text: md('More'), accessory: overflow }])).toBe(
      'More  [⋯] Amend | Withdraw',
    );
    const select = {
      type: 'static_select',
      action_id: 's',
      placeholder: plain('Choose…'),
      options: [option('a', 'A')],
    };
    expect(render([{ type: 'section', text: md('Pick'), accessory: select }])).toBe('Pick  [Choose… ▾]');
  });

  it('joins context elements with a middle dot', () => {
    const block = {
      type: 'context',
      elements: [md('Quote `Q-1`'), plain('EMEA'), { type: 'image', image_url: 'x', alt_text: 'logo' }],
    };
    expect(render([block])).toBe('Quote `Q-1` · EMEA · [image: logo]');
  });

  it('renders images by alt text and title', () => {
    expect(
      render([{ type: 'image', image_url: 'https://x/y.png', alt_text: 'chart', title: plain('KPIs') }]),
    ).toBe('KPIs\n[image: chart]');
  });
});

describe('renderBlocks: actions', () => {
  it('shows buttons with their styles marked', () => {
    const block = {
      type: 'actions',
      elements: [
        { type: 'button', action_id: 'take', text: plain('Take it'), style: 'primary' },
        { type: 'button', action_id: 'done', text: plain('Complete') },
        { type: 'button', action_id: 'rej', text: plain('Reject'), style: 'danger' },
        { type: 'button', action_id: 'url', text: plain('Open'), url: 'https://crm.example/1' },
      ],
    };
    expect(render([block])).toBe(
      '[ Take it ] (primary)  [ Complete ]  [ Reject ] (danger)  [ Open ] (https://crm.example/1)',
    );
  });

  it('wraps between elements, never inside one', () => {
    const elements = ['One', 'Two', 'Three'].map((label) => ({
      type: 'button',
      action_id: label,
      text: plain(label),
    }));
    expect(render([{ type: 'actions', elements }], 22)).toBe('[ One ]  [ Two ]\n[ Three ]');
  });

  it('shows selects, pickers and choices', () => {
    const block = {
      type: 'actions',
      elements: [
        {
          type: 'static_select',
          action_id: 's1',
          placeholder: plain('Choose…'),
          options: [option('a', 'Alpha')],
        },
        {
          type: 'static_select',
          action_id: 's2',
          options: [option('a', 'Alpha')],
          initial_option: option('a', 'Alpha'),
        },
        {
          type: 'multi_static_select',
          action_id: 'm',
          options: [],
          initial_options: [option('a', 'A'), option('b', 'B')],
        },
        { type: 'users_select', action_id: 'u', initial_user: 'U_OPS' },
        { type: 'conversations_select', action_id: 'c', initial_conversation: 'C_DESK' },
        { type: 'datepicker', action_id: 'd', initial_date: '2026-12-01' },
        { type: 'datepicker', action_id: 'd2' },
        { type: 'timepicker', action_id: 't', initial_time: '09:30' },
        {
          type: 'checkboxes',
          action_id: 'cb',
          options: [option('x', 'Urgent'), option('y', 'Quiet')],
          initial_options: [option('x', 'Urgent')],
        },
        {
          type: 'radio_buttons',
          action_id: 'r',
          options: [option('x', 'Yes'), option('y', 'No')],
          initial_option: option('y', 'No'),
        },
      ],
    };
    expect(render([block], 200).split('\n')).toEqual([
      '[Choose… ▾]  [Alpha ▾]  [A, B ▾]  [@omar ▾]  [#booking-desk ▾]  [📅 2026-12-01]  [📅 Select a date]  [🕒 09:30]',
      '☑ Urgent',
      '☐ Quiet',
      '◯ Yes',
      '◉ No',
    ]);
  });
});

describe('renderBlocks: inputs', () => {
  it('shows the label, the element, the hint and "(optional)"', () => {
    const blocks = [
      {
        type: 'input',
        block_id: 'q',
        label: plain('Quote number'),
        element: { type: 'plain_text_input', action_id: 'q', placeholder: plain('Q-1234') },
      },
      {
        type: 'input',
        block_id: 'n',
        optional: true,
        label: plain('Notes'),
        hint: plain('Anything else.'),
        element: {
          type: 'plain_text_input',
          action_id: 'n',
          multiline: true,
          initial_value: 'line one\nline two',
        },
      },
      {
        type: 'input',
        block_id: 'e',
        label: plain('E-mail'),
        element: { type: 'email_text_input', action_id: 'e' },
      },
      {
        type: 'input',
        block_id: 'd',
        label: plain('Days'),
        element: { type: 'number_input', action_id: 'd', is_decimal_allowed: false, initial_value: '30' },
      },
    ];
    expect(render(blocks)).toBe(
      [
        'Quote number',
        '  [ ‹Q-1234› ]',
        '',
        'Notes (optional)',
        '  │ line one',
        '  │ line two',
        '  Anything else.',
        '',
        'E-mail',
        '  [ ________________________ ]',
        '',
        'Days',
        '  [ 30 ]',
      ].join('\n'),
    );
  });

  it('shows errors under the block they name, and unknown block ids last', () => {
    const blocks = [
      {
        type: 'input',
        block_id: 'q',
        label: plain('Quote'),
        element: { type: 'plain_text_input', action_id: 'q' },
      },
      { type: 'divider' },
    ];
    const text = renderBlocks(blocks, { width: 30 }, { errors: { q: 'Required', gone: 'Lost' } });
    expect(text.split('\n')).toEqual([
      'Quote',
      '  [ ________________________ ]',
      '  ⚠ Required',
      '',
      '─'.repeat(30),
      '',
      '  ⚠ gone: Lost',
    ]);
  });

  it('shows what the user entered (state values) over the initial values', () => {
    const blocks = [
      {
        type: 'input',
        block_id: 'q',
        label: plain('Quote'),
        element: { type: 'plain_text_input', action_id: 'q', initial_value: 'Q-1' },
      },
      {
        type: 'input',
        block_id: 'r',
        label: plain('Region'),
        element: { type: 'static_select', action_id: 'r', options: [option('EMEA', 'EMEA')] },
      },
    ];
    const stateValues = {
      q: { q: { type: 'plain_text_input', value: 'Q-999' } },
      r: { r: { type: 'static_select', selected_option: option('EMEA', 'EMEA') } },
    };
    const text = renderBlocks(blocks, {}, { stateValues });
    expect(text).toContain('[ Q-999 ]');
    expect(text).toContain('[EMEA ▾]');
  });
});

describe('renderBlocks: rich text and markdown', () => {
  it('flattens rich_text sections, lists, quotes and preformatted text', () => {
    const block = {
      type: 'rich_text',
      elements: [
        {
          type: 'rich_text_section',
          elements: [
            { type: 'text', text: 'Hi ' },
            { type: 'user', user_id: 'U_REP' },
            { type: 'text', text: ', see ' },
            { type: 'link', url: 'https://x.example', text: 'this' },
            { type: 'text', text: ' ' },
            { type: 'emoji', name: 'tada', unicode: '1f389' },
            { type: 'text', text: ' ' },
            { type: 'channel', channel_id: 'C_DESK' },
            { type: 'text', text: ' ' },
            { type: 'usergroup', usergroup_id: 'S_BILL' },
            { type: 'text', text: ' ' },
            { type: 'broadcast', range: 'here' },
            { type: 'text', text: ' ' },
            { type: 'text', text: 'code', style: { code: true } },
          ],
        },
        {
          type: 'rich_text_list',
          style: 'bullet',
          elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'one' }] }],
        },
        {
          type: 'rich_text_list',
          style: 'ordered',
          indent: 1,
          elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'two' }] }],
        },
        { type: 'rich_text_quote', elements: [{ type: 'text', text: 'quoted' }] },
        { type: 'rich_text_preformatted', elements: [{ type: 'text', text: 'a\nb' }] },
      ],
    };
    expect(render([block]).split('\n')).toEqual([
      'Hi @rita, see this (https://x.example) 🎉 #booking-desk @billing-emea @here `code`',
      '• one',
      '  1. two',
      '▎ quoted',
      '│ a',
      '│ b',
    ]);
  });

  it('renders the markdown block', () => {
    const text =
      '# Summary\n**Booked** with _care_, see [the CRM](https://crm.example).\n- first\n```\n**raw**\n```';
    expect(render([{ type: 'markdown', text }]).split('\n')).toEqual([
      'Summary',
      'Booked with care, see the CRM (https://crm.example).',
      '• first',
      '│ **raw**',
    ]);
  });
});

describe('renderBlocks: robustness', () => {
  it('renders unknown blocks and elements as placeholders, never dropping them', () => {
    const blocks = [
      { type: 'table', rows: [] },
      'not a block',
      { type: 'actions', elements: [{ type: 'fancy_picker', action_id: 'f' }] },
      { type: 'section', text: md('still here') },
    ];
    expect(render(blocks).split('\n')).toEqual([
      '[unsupported block: table]',
      '',
      '[unsupported block: not an object]',
      '',
      '[unsupported element: fancy_picker]',
      '',
      'still here',
    ]);
  });

  it('wraps text to the width, with hanging indents for bullets', () => {
    const long = 'word '.repeat(30).trim();
    const text = render(
      [
        { type: 'section', text: md(`• ${long}\n${long}`) },
        { type: 'context', elements: [md(long)] },
      ],
      30,
    );
    expect(overlongLines(text, 30)).toEqual([]);
    expect(text.split('\n')[1]).toMatch(/^ {2}word/);
  });

  it('keeps a word longer than the width whole', () => {
    const url = `https://example.com/${'x'.repeat(60)}`;
    expect(render([{ type: 'section', text: md(`see <${url}>`) }], 30)).toBe(`see\n${url}`);
  });

  it('wraps the columns of fields within the width', () => {
    const fields = Array.from({ length: 4 }, (_, i) => md(`*Field ${i}*\n${'value '.repeat(12)}`));
    const text = render([{ type: 'section', fields }], 60);
    expect(overlongLines(text, 60)).toEqual([]);
    expect(text.split('\n')[0]).toMatch(/^Field 0 +Field 1$/);
  });

  it('styles with ANSI only when asked', () => {
    const blocks = [
      { type: 'header', text: plain('Deal') },
      { type: 'context', elements: [md('dim')] },
    ];
    expect(renderBlocks(blocks)).not.toContain('\u001b');
    expect(renderBlocks(blocks, { ansi: true })).toContain('\u001b[2mdim\u001b[22m');
  });
});
