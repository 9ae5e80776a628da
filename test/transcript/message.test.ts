import { describe, expect, it } from 'vitest';
import type { EphemeralMessage, StoredMessage, StoredView } from '../../src/emulator/types.ts';
import {
  formatTs,
  renderEphemeral,
  renderMessage,
  renderMessages,
  renderThread,
  renderTranscript,
  renderView,
} from '../../src/transcript/index.ts';
import { overlongLines, workspace } from './fixtures.ts';

// 1794648600 is 2026-11-14 09:30:00 UTC.
function aMessage(overrides: Partial<StoredMessage> = {}): StoredMessage {
  return {
    type: 'message',
    channel: 'C_DESK',
    ts: '1794648600.000100',
    user: 'U_REP',
    text: 'Hello',
    team: 'T1',
    ...overrides,
  };
}

describe('renderMessage', () => {
  it('shows author, time and text when there are no blocks', () => {
    expect(renderMessage(aMessage({ text: '*Hi* <@U_OPS>' }), workspace)).toBe(
      'rita  2026-11-14 09:30\nHi @omar',
    );
  });

  it('prefers blocks over the fallback text', () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'From blocks' } }];
    const text = renderMessage(
      aMessage({ text: 'fallback', blocks, bot_id: 'B1', user: 'U_BOT' }),
      workspace,
    );
    expect(text).toBe('Booking Desk APP  2026-11-14 09:30\nFrom blocks');
  });

  it('marks edits and counts replies, in the context time zone', () => {
    const message = aMessage({ edited: { user: 'U_REP', ts: '1794648700.000000' }, reply_count: 2 });
    expect(renderMessage(message, { ...workspace, timeZone: 'Asia/Tokyo' })).toBe(
      'rita  2026-11-14 18:30 · (edited)\nHello\n💬 2 replies',
    );
  });

  it('falls back to the user id and notes attachments', () => {
    const text = renderMessage(aMessage({ user: 'U_X', attachments: [{ fallback: 'old style' }] }));
    expect(text).toBe('U_X  2026-11-14 09:30\nHello\n[unsupported: attachment "old style"]');
  });

  it('formats odd timestamps as they are', () => {
    expect(formatTs('soon', { timeZone: 'UTC' })).toBe('soon');
  });
});

describe('renderThread and renderMessages', () => {
  it('indents replies behind a gutter', () => {
    const parent = aMessage({ reply_count: 2, user: 'U_BOT', bot_id: 'B1', text: 'BK-2026-000001' });
    const replies = [
      aMessage({ ts: '1794648660.000200', text: 'Taken by <@U_OPS>' }),
      aMessage({ ts: '1794648720.000300', user: 'U_OPS', text: 'Done :white_check_mark:' }),
    ];
    expect(renderThread(parent, replies, workspace).split('\n')).toEqual([
      'Booking Desk APP  2026-11-14 09:30',
      'BK-2026-000001',
      '',
      '  │ rita  2026-11-14 09:31',
      '  │ Taken by @omar',
      '  │',
      '  │ omar  2026-11-14 09:32',
      '  │ Done ✅',
    ]);
  });

  it('wraps replies inside the narrower room', () => {
    const long = 'lorem ipsum '.repeat(20);
    const text = renderThread(aMessage(), [aMessage({ text: long })], { width: 40 });
    expect(overlongLines(text, 40)).toEqual([]);
    expect(text.split('\n').filter((line) => line.startsWith('  │ lorem')).length).toBeGreaterThan(3);
  });

  it('lists channel messages a blank line apart', () => {
    const text = renderMessages(
      [aMessage({ text: 'one' }), aMessage({ text: 'two', reply_count: 1 })],
      workspace,
    );
    expect(text).toBe('rita  2026-11-14 09:30\none\n\nrita  2026-11-14 09:30\ntwo\n💬 1 reply');
  });
});

describe('renderEphemeral', () => {
  it('is from the app and says who sees it', () => {
    const message: EphemeralMessage = {
      channel: 'C_DESK',
      user: 'U_REP',
      ts: '1794648600.000100',
      text: 'Only `you`',
    };
    expect(renderEphemeral(message, { ...workspace, appName: 'Booking Desk' })).toBe(
      'Booking Desk APP  2026-11-14 09:30 · only visible to @rita\nOnly `you`',
    );
  });
});

describe('renderView with a stored view', () => {
  it('takes the emulator shape, with state values and errors', () => {
    const view: StoredView = {
      id: 'V1',
      team_id: 'T1',
      type: 'modal',
      title: { type: 'plain_text', text: 'Withdraw' },
      close: { type: 'plain_text', text: 'Back' },
      blocks: [
        {
          type: 'input',
          block_id: 'reason',
          label: { type: 'plain_text', text: 'Reason' },
          element: { type: 'plain_text_input', action_id: 'reason' },
        },
      ],
      private_metadata: '',
      callback_id: 'withdraw',
      external_id: '',
      state: { values: { reason: { reason: { type: 'plain_text_input', value: 'dup' } } } },
      hash: 'h',
      clear_on_close: false,
      notify_on_close: false,
      root_view_id: null,
      previous_view_id: null,
      app_id: 'A1',
      bot_id: 'B1',
      app_installed_team_id: 'T1',
      user_id: 'U_REP',
      errors: { reason: 'Say more' },
    };
    expect(renderView(view, { width: 30 }).split('\n')).toEqual([
      '┏━ Withdraw (modal) ━━━━━━━━━━',
      '┃ Reason',
      '┃   [ dup ]',
      '┃   ⚠ Say more',
      '┗━ [ Back ] ━━━━━━━━━━━━━━━━━━',
    ]);
  });
});

describe('renderTranscript', () => {
  it('prints titled sections under rules', () => {
    const text = renderTranscript(
      [
        { title: '#booking-desk', body: 'one' },
        { title: 'DM with @rita', body: '' },
      ],
      { width: 30 },
    );
    expect(text).toBe(
      [
        `━━━ #booking-desk ${'━'.repeat(12)}`,
        '',
        'one',
        '',
        `━━━ DM with @rita ${'━'.repeat(12)}`,
        '',
        '(nothing)',
      ].join('\n'),
    );
  });
});
