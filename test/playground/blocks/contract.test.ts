import { describe, expect, it } from 'vitest';
import { slackAction } from '../../../src/playground/blocks/index.ts';

describe('slackAction', () => {
  it('turns an intent into Slack’s actions[0], with only the fields Slack sends', () => {
    const option = { text: { type: 'plain_text' as const, text: 'EMEA' }, value: 'EMEA' };
    expect(
      slackAction(
        {
          actionId: 'region',
          blockId: 'tools',
          type: 'static_select',
          selectedOption: option,
          placeholder: { type: 'plain_text', text: 'Choose…' },
          container: { type: 'message', channel: 'C1', messageTs: '1.2' },
        },
        '1794648600.123456',
      ),
    ).toEqual({
      type: 'static_select',
      action_id: 'region',
      block_id: 'tools',
      action_ts: '1794648600.123456',
      selected_option: option,
      placeholder: { type: 'plain_text', text: 'Choose…' },
    });
  });

  it('keeps a button’s value, text and style, and an empty block_id when the block had none', () => {
    expect(
      slackAction(
        {
          actionId: 'go',
          type: 'button',
          value: 'v',
          style: 'danger',
          text: { type: 'plain_text', text: 'Go' },
        },
        '1.0',
      ),
    ).toEqual({
      type: 'button',
      action_id: 'go',
      block_id: '',
      action_ts: '1.0',
      value: 'v',
      style: 'danger',
      text: { type: 'plain_text', text: 'Go' },
    });
  });
});
