// Every block and element type the app uses has a real rendering, and every emoji shortcode it writes
// has a Unicode. A view that starts using something new fails here until the renderer supports it.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  emojiFor,
  renderBlock,
  SUPPORTED_BLOCK_TYPES,
  SUPPORTED_ELEMENT_TYPES,
} from '../../../src/playground/blocks/index.ts';
import { allBlocks, workspace } from './fixtures.ts';

type Json = Record<string, unknown>;
const isJson = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const TEXT_TYPES = new Set(['plain_text', 'mrkdwn']);

/** Block, element and context-item types appearing in blocks. */
function typesIn(blocks: readonly unknown[]) {
  const blockTypes = new Set<string>();
  const elementTypes = new Set<string>();
  for (const block of blocks.filter(isJson)) {
    blockTypes.add(String(block.type));
    const elements = [
      block.accessory,
      block.element,
      ...(Array.isArray(block.elements) ? block.elements : []),
    ];
    for (const element of elements.filter(isJson)) {
      if (!TEXT_TYPES.has(String(element.type))) elementTypes.add(String(element.type));
    }
  }
  return { blockTypes, elementTypes };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

const VIEWS = join(import.meta.dirname, '../../../src/slack/views');
const SLACK = join(import.meta.dirname, '../../../src/slack');
const DELIVERIES = join(import.meta.dirname, '../../../src/jobs/deliveries');

describe('the app’s Block Kit', () => {
  const blocks = allBlocks();
  const { blockTypes, elementTypes } = typesIn(blocks);

  it('is what the fixtures exercise (every block and element type the app uses)', () => {
    expect([...blockTypes].sort()).toEqual(['actions', 'context', 'divider', 'header', 'input', 'section']);
    expect([...elementTypes].sort()).toEqual([
      'button',
      'checkboxes',
      'datepicker',
      'email_text_input',
      'number_input',
      'plain_text_input',
      'radio_buttons',
      'static_select',
      'users_select',
    ]);
  });

  it('has a real rendering for each type', () => {
    for (const type of blockTypes) expect(SUPPORTED_BLOCK_TYPES, type).toContain(type);
    for (const type of elementTypes) expect(SUPPORTED_ELEMENT_TYPES, type).toContain(type);
    blocks.forEach((block, index) => {
      expect(renderBlock(block, index, workspace), JSON.stringify(block).slice(0, 120)).not.toContain(
        'Unsupported',
      );
    });
  });

  it('uses no type in its view source that the fixtures or the renderer do not know', () => {
    // Words that appear as `type: '…'` in the views but are surfaces or the app's own unions.
    const notBlockKit = new Set(['modal', 'home', 'reminder', 'escalation', ...TEXT_TYPES]);
    const used = new Set(
      sourceFiles(VIEWS).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/type: '([a-z_]+)'/g)].map((match) => match[1]!),
      ),
    );
    for (const type of used) {
      if (notBlockKit.has(type)) continue;
      expect(
        blockTypes.has(type) || elementTypes.has(type),
        `${type} is built by a view but not in the fixtures`,
      ).toBe(true);
      expect(
        SUPPORTED_BLOCK_TYPES.has(type) || SUPPORTED_ELEMENT_TYPES.has(type),
        `${type} has no renderer`,
      ).toBe(true);
    }
  });

  it('writes only emoji shortcodes the renderer knows', () => {
    const files = [...sourceFiles(SLACK), ...sourceFiles(DELIVERIES)];
    const shortcodes = new Set(
      files.flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/(?<![\w}:]):([a-z][a-z0-9_+-]*):(?![\w:])/g)].map(
          (match) => match[1]!,
        ),
      ),
    );
    expect(shortcodes.size).toBeGreaterThan(20);
    for (const name of shortcodes) expect(emojiFor(name), `:${name}:`).toBeDefined();
  });
});

describe('what the renderer supports beyond the app', () => {
  const ctx = { ...workspace, conversations: () => [{ id: 'C0DESK', name: 'booking-desk' }] };
  const element = (extra: Json) => ({
    type: 'actions',
    block_id: 'b',
    elements: [{ action_id: 'a', ...extra }],
  });
  const option = (value: string) => ({ text: { type: 'plain_text', text: `Option ${value}` }, value });

  it.each([
    ['overflow', { type: 'overflow', options: [option('1'), { ...option('2'), url: 'https://x.test' }] }],
    [
      'multi_static_select',
      {
        type: 'multi_static_select',
        option_groups: [{ label: { type: 'plain_text', text: 'G' }, options: [option('1')] }],
      },
    ],
    ['multi_users_select', { type: 'multi_users_select', initial_users: ['U_REP'] }],
    ['conversations_select', { type: 'conversations_select', initial_conversation: 'C0DESK' }],
    ['multi_conversations_select', { type: 'multi_conversations_select' }],
    ['channels_select', { type: 'channels_select' }],
    ['timepicker', { type: 'timepicker', initial_time: '09:30' }],
    ['url_text_input', { type: 'url_text_input' }],
    ['url button', { type: 'button', text: { type: 'plain_text', text: 'Open' }, url: 'https://x.test' }],
  ])('%s', (_name, extra) => {
    const html = renderBlock(element(extra), 0, ctx);
    expect(html).not.toContain('Unsupported');
    expect(html).toContain('data-action-id="a"');
  });

  it('renders image and rich_text blocks', () => {
    const image = renderBlock(
      {
        type: 'image',
        image_url: 'https://x.test/a.png',
        alt_text: 'chart',
        title: { type: 'plain_text', text: 'Q4' },
      },
      0,
      ctx,
    );
    expect(image).toContain('<img class="bk-image-picture" src="https://x.test/a.png" alt="chart"');
    const rich = renderBlock(
      {
        type: 'rich_text',
        elements: [
          {
            type: 'rich_text_section',
            elements: [
              { type: 'text', text: 'Hi ', style: { bold: true } },
              { type: 'user', user_id: 'U_REP' },
              { type: 'emoji', name: 'tada' },
              { type: 'link', url: 'javascript:alert(1)', text: 'x' },
            ],
          },
          {
            type: 'rich_text_list',
            style: 'ordered',
            elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'one' }] }],
          },
        ],
      },
      0,
      ctx,
    );
    expect(rich).toContain(
      '<strong>Hi </strong><span class="bk-mention bk-mention-user" data-user-id="U_REP">@Rita Rep</span>',
    );
    expect(rich).toContain('🎉');
    expect(rich).not.toContain('href');
    expect(rich).toContain('<ol class="bk-rt-list"');
  });
});
