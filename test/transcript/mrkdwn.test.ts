import { describe, expect, it } from 'vitest';
import { renderMrkdwn } from '../../src/transcript/index.ts';
import { workspace } from './fixtures.ts';

const render = (text: string) => renderMrkdwn(text, workspace);

describe('renderMrkdwn: formatting', () => {
  it('drops bold and italic markers, keeps strike and code visible', () => {
    expect(render('*bold* and _italic_ and ~gone~ and `Q-1234`')).toBe(
      'bold and italic and ~gone~ and `Q-1234`',
    );
  });

  it('nests styles and leaves markers inside words alone', () => {
    expect(render('*_both_*')).toBe('both');
    expect(render('snake_case_name and 2*3*4')).toBe('snake_case_name and 2*3*4');
    expect(render('* not bold *')).toBe('* not bold *');
  });

  it('does not format inside inline code', () => {
    expect(render('`*raw* _text_`')).toBe('`*raw* _text_`');
  });

  it('renders code blocks behind a gutter, verbatim', () => {
    expect(render('before\n```\n*a* &lt;b&gt;\n  indented\n```\nafter')).toBe(
      'before\n│ *a* <b>\n│   indented\nafter',
    );
  });

  it('renders quotes with a bar', () => {
    expect(render('> quoted\nplain')).toBe('▎ quoted\nplain');
    expect(render('>>> all\nof this')).toBe('▎ all\n▎ of this');
    expect(render('&gt; typed by a user')).toBe('> typed by a user');
  });

  it('styles with ANSI only when asked', () => {
    const styled = renderMrkdwn('*bold* _it_ ~st~', { ansi: true });
    expect(styled).toBe('\u001b[1mbold\u001b[22m \u001b[3mit\u001b[23m \u001b[9mst\u001b[29m');
    expect(render('*bold*')).not.toContain('\u001b');
  });
});

describe('renderMrkdwn: mentions and links', () => {
  it('names users from the lookup, falling back to the id', () => {
    expect(render('<@U_REP> and <@U_NOBODY>')).toBe('@rita and @U_NOBODY');
  });

  it('renders channels with their label or looked-up name', () => {
    expect(render('<#C_DESK> <#C_OTHER|sales> <#C_GONE>')).toBe('#booking-desk #sales #C_GONE');
  });

  it('renders user groups by handle', () => {
    expect(render('<!subteam^S_BILL> <!subteam^S_X|@billing-apac> <!subteam^S_NONE>')).toBe(
      '@billing-emea @billing-apac @S_NONE',
    );
  });

  it('renders broadcasts', () => {
    expect(render('<!here> <!channel> <!everyone>')).toBe('@here @channel @everyone');
  });

  it('renders links with and without labels', () => {
    expect(render('<https://example.com/a_b_c|the *docs*> <https://example.com/x_y_z>')).toBe(
      'the *docs* (https://example.com/a_b_c) https://example.com/x_y_z',
    );
    expect(render('<mailto:ap@acme.example|ap@acme.example>')).toBe('ap@acme.example');
  });

  it('does not re-read rendered names as formatting', () => {
    const ctx = { userName: () => 'rita_the_rep' };
    expect(renderMrkdwn('hi <@U1> _x_', ctx)).toBe('hi @rita_the_rep x');
  });

  it('formats around mentions', () => {
    expect(render('*<@U_REP>*')).toBe('@rita');
  });
});

describe('renderMrkdwn: entities', () => {
  it('shows escaped user text as typed, never as a mention', () => {
    expect(render('Acme &lt;!channel&gt; &amp; &lt;@U_REP&gt;')).toBe('Acme <!channel> & <@U_REP>');
  });

  it('decodes entities once', () => {
    expect(render('&amp;lt; stays &amp;lt;')).toBe('&lt; stays &lt;');
  });

  it('decodes entities in link labels and date fallbacks', () => {
    expect(render('<https://x.example|Q&amp;A>')).toBe('Q&A (https://x.example)');
    expect(render('<!date^nope^{date}|a &amp; b>')).toBe('a & b');
  });
});

describe('renderMrkdwn: emoji', () => {
  it('replaces known shortcodes and keeps unknown ones', () => {
    expect(render(':white_check_mark: done :rotating_light: :no_such_emoji:')).toBe(
      '✅ done 🚨 :no_such_emoji:',
    );
  });

  it('finds a known code right after an unknown one, and leaves times alone', () => {
    expect(render(':nope:tada:')).toBe(':nope🎉');
    expect(render('at 12:30:45')).toBe('at 12:30:45');
  });

  it('drops skin tones and leaves codes in code spans', () => {
    expect(render(':+1::skin-tone-3: `:tada:`')).toBe('👍 `:tada:`');
  });
});
