import { describe, expect, it } from 'vitest';
import { paint, visibleWidth } from '../../src/transcript/ansi.ts';
import { wrapText } from '../../src/transcript/wrap.ts';

describe('visibleWidth', () => {
  it('ignores ANSI, counts emoji as two columns and joiners as none', () => {
    expect(visibleWidth(paint({ ansi: true }, 'bold', 'abc'))).toBe(3);
    expect(visibleWidth('✅ ok')).toBe(5);
    expect(visibleWidth('ℹ️')).toBe(1);
    expect(visibleWidth('☑ x')).toBe(3);
  });
});

describe('wrapText', () => {
  it('wraps at spaces and keeps short lines as they are', () => {
    expect(wrapText('aa bb cc dd', 5)).toEqual(['aa bb', 'cc dd']);
    expect(wrapText('short\nlines', 10)).toEqual(['short', 'lines']);
  });

  it('hangs continuation lines under bullets, numbers and quote bars', () => {
    expect(wrapText('• one two three', 9)).toEqual(['• one two', '  three']);
    expect(wrapText('12. one two three', 11)).toEqual(['12. one two', '    three']);
    expect(wrapText('▎ one two three', 9)).toEqual(['▎ one two', '▎ three']);
  });

  it('measures styled text by what shows', () => {
    const bold = paint({ ansi: true }, 'bold', 'aa');
    expect(wrapText(`${bold} bb cc`, 5)).toEqual([`${bold} bb`, 'cc']);
  });
});
