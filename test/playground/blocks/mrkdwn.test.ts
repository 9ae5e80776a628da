import { describe, expect, it } from 'vitest';
import { type RenderContext, renderMrkdwn, renderPlainText } from '../../../src/playground/blocks/index.ts';
import { tags, visibleText } from './html.ts';

const ctx: RenderContext = {
  userName: (id) => ({ U_REP: 'Rita Rep', U_OPS: 'Omar Orders' })[id],
  channelName: (id) => ({ C_DESK: 'booking-desk' })[id],
  usergroupHandle: (id) => ({ S_BILL: 'billing-emea' })[id],
  users: () => [],
  timeZone: 'Europe/London',
};

const md = (text: string, extra: Partial<RenderContext> = {}) => renderMrkdwn(text, { ...ctx, ...extra });

describe('mrkdwn formatting', () => {
  it('renders bold, italic, strike and code', () => {
    expect(md('*Status* _pending_ ~old~ `BK-1`')).toBe(
      '<strong>Status</strong> <em>pending</em> <del>old</del> <code class="bk-code">BK-1</code>',
    );
  });

  it('nests emphasis and keeps markers inside words and code as typed', () => {
    expect(md('*_both_*')).toBe('<strong><em>both</em></strong>');
    expect(md('snake_case_name 5 * 3 a*b*c')).toBe('snake_case_name 5 * 3 a*b*c');
    expect(md('`*not bold*` and `_x_`')).toBe(
      '<code class="bk-code">*not bold*</code> and <code class="bk-code">_x_</code>',
    );
  });

  it('italicises around mentions and dates, whose ids contain underscores', () => {
    const html = md(
      '_(by <@U_REP> · <!date^1794648600^{date_short_pretty} at {time}|2026-11-14 09:30 UTC>)_',
    );
    expect(html.startsWith('<em>(by ')).toBe(true);
    expect(html.endsWith(')</em>')).toBe(true);
    expect(visibleText(html)).toBe('(by @Rita Rep · Nov 14, 2026 at 9:30 AM)');
  });

  it('turns line breaks into <br> and > lines into a quote', () => {
    expect(md('one\ntwo')).toBe('one<br>two');
    expect(md('Note:\n>first &lt;b&gt;\n> second\nafter')).toBe(
      'Note:<blockquote class="bk-quote">first &lt;b&gt;<br>second</blockquote>after',
    );
    // Slack sends a typed quote escaped, and quotes it all the same.
    expect(md('&gt; typed quote')).toBe('<blockquote class="bk-quote">typed quote</blockquote>');
    expect(md('a &gt; b')).toBe('a &gt; b');
  });

  it('renders ```pre``` blocks literally', () => {
    expect(md('Log:\n```\n*raw* <@U_REP> &lt;tag&gt;\n```\ndone')).toBe(
      'Log:<pre class="bk-pre">*raw* &lt;@U_REP&gt; &lt;tag&gt;</pre>done',
    );
  });

  it('decodes Slack entities exactly once', () => {
    expect(md('A &amp; B &lt;C&gt; &amp;lt;')).toBe('A &amp; B &lt;C&gt; &amp;lt;');
    expect(visibleText(md('A &amp; B &lt;C&gt; &amp;lt;'))).toBe('A & B <C> &lt;');
  });
});

describe('mentions and links', () => {
  it('shows users by their real name, as chips', () => {
    const html = md('<@U_REP> and <@U_GONE> and <@U_OLD|someone>');
    expect(tags(html, 'span').map((tag) => tag.attrs['data-user-id'])).toEqual(['U_REP', 'U_GONE', 'U_OLD']);
    expect(visibleText(html)).toBe('@Rita Rep and @U_GONE and @someone');
    expect(html).toContain('class="bk-mention bk-mention-user"');
  });

  it('highlights mentions of the viewer', () => {
    expect(md('<@U_REP>', { viewerId: 'U_REP' })).toContain('bk-mention-me');
    expect(md('<@U_OPS>', { viewerId: 'U_REP' })).not.toContain('bk-mention-me');
  });

  it('shows channels, groups and broadcasts', () => {
    expect(visibleText(md('<#C_DESK> <#C_OTHER|general> <#C_X>'))).toBe('#booking-desk #general #C_X');
    expect(visibleText(md('<!subteam^S_BILL> <!subteam^S_NEW|@ops-team> <!subteam^S_NEW>'))).toBe(
      '@billing-emea @ops-team @S_NEW',
    );
    expect(visibleText(md('<!here> <!channel> <!everyone> <!here|here>'))).toBe(
      '@here @channel @everyone @here',
    );
    expect(md('<!here>')).toContain('bk-mention-broadcast');
  });

  it('renders Slack dates in the reader zone, relative to the playground clock', () => {
    const token = '<!date^1794648600^{date_short_pretty} at {time}|2026-11-14 09:30 UTC>';
    expect(visibleText(md(token))).toBe('Nov 14, 2026 at 9:30 AM');
    expect(visibleText(md(token, { timeZone: 'Asia/Tokyo' }))).toBe('Nov 14, 2026 at 6:30 PM');
    expect(visibleText(md(token, { now: new Date('2026-11-14T17:00:00Z') }))).toBe('today at 9:30 AM');
    expect(tags(md(token), 'time')[0]?.attrs.datetime).toBe('2026-11-14T09:30:00.000Z');
    expect(visibleText(md('<!date^nonsense^{time}|the fallback>'))).toBe('the fallback');
  });

  it('makes http, https and mailto links, opening in a new tab', () => {
    const html = md(
      '<https://example.com/a?b=1&amp;c=2|A &amp; B> <mailto:ap@acme.example> <https://x.test>',
    );
    expect(tags(html, 'a').map((tag) => tag.attrs)).toEqual([
      {
        class: 'bk-link',
        href: 'https://example.com/a?b=1&c=2',
        target: '_blank',
        rel: 'noopener noreferrer',
      },
      { class: 'bk-link', href: 'mailto:ap@acme.example', target: '_blank', rel: 'noopener noreferrer' },
      { class: 'bk-link', href: 'https://x.test', target: '_blank', rel: 'noopener noreferrer' },
    ]);
    expect(visibleText(html)).toBe('A & B ap@acme.example https://x.test');
  });

  it('leaves any other scheme as text', () => {
    for (const text of [
      '<javascript:alert(1)|bank>',
      '<data:text/html,x|bank>',
      '<vbscript:x>',
      '<//evil.test|x>',
    ]) {
      const html = md(text);
      expect(tags(html, 'a')).toEqual([]);
      expect(html).not.toContain('href');
    }
    expect(visibleText(md('<javascript:alert(1)|bank>'))).toBe('<javascript:alert(1)|bank>');
  });
});

describe('emoji', () => {
  it('turns known shortcodes into Unicode and leaves unknown ones', () => {
    expect(visibleText(md(':white_check_mark: Done :tada: :no_such_emoji:'))).toBe(
      '✅ Done 🎉 :no_such_emoji:',
    );
    expect(md(':fire:')).toBe('<span class="bk-emoji" title=":fire:">🔥</span>');
  });

  it('converts shortcodes in plain text too, unless emoji is off', () => {
    expect(renderPlainText(':wave: <b>')).toBe('<span class="bk-emoji" title=":wave:">👋</span> &lt;b&gt;');
    expect(renderPlainText(':wave:', false)).toBe(':wave:');
  });
});

describe('app text stays inert', () => {
  it('escapes what the app escaped, so typed markup is shown, never run', () => {
    const typed =
      '&lt;script&gt;alert(1)&lt;/script&gt; &lt;!channel&gt; &lt;https://evil.test|bank&gt; &lt;@U_REP&gt;';
    const html = md(typed);
    expect(html).not.toMatch(/<script|<a |bk-mention/);
    expect(visibleText(html)).toBe('<script>alert(1)</script> <!channel> <https://evil.test|bank> <@U_REP>');
  });

  it('escapes raw HTML even when the app forgot to escape it', () => {
    const html = md('<img src=x onerror=alert(1)> "quoted" \'single\'');
    expect(html).not.toContain('<img');
    expect(tags(html)).toEqual([]);
  });

  it('escapes labels, names and fallbacks from the workspace', () => {
    const hostile: RenderContext = {
      ...ctx,
      userName: () => '<b>Eve</b>',
      channelName: () => '"><script>',
      usergroupHandle: () => '<i>',
    };
    const html = renderMrkdwn(
      '<@U1> <#C1> <!subteam^S1> <https://ok.test|&lt;img&gt;> <!date^x^{time}|&lt;svg&gt;> <https://ok.test|<img>>',
      hostile,
    );
    expect(tags(html).map((tag) => tag.name)).toEqual(['span', 'span', 'span', 'a', 'time']);
    expect(visibleText(html)).toBe('@<b>Eve</b> #"><script> @<i> <img> <svg> <https://ok.test|<img>>');
  });

  it('cannot be confused by the placeholder characters in app text', () => {
    expect(visibleText(md('\uE0000\uE001 *x*'))).toBe('\uFFFD0\uFFFD x');
  });
});
