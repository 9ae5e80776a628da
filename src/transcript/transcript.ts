// A whole transcript: titled sections ("#booking-desk", "DM with @rita"), each under a rule.

import { paint, visibleWidth } from './ansi.ts';
import { type RenderContext, resolveContext } from './context.ts';

export interface TranscriptSection {
  title: string;
  /** Already rendered text (renderMessages, renderThread, renderView…). */
  body: string;
}

export function renderTranscript(
  sections: readonly TranscriptSection[],
  ctx: Pick<RenderContext, 'width' | 'ansi'> = {},
): string {
  const resolved = resolveContext(ctx);
  return sections
    .map(({ title, body }) => {
      const head = `━━━ ${title} `;
      const rule = paint(
        resolved,
        'bold',
        head + '━'.repeat(Math.max(3, resolved.width - visibleWidth(head))),
      );
      return `${rule}\n\n${body.trim() === '' ? paint(resolved, 'dim', '(nothing)') : body}`;
    })
    .join('\n\n');
}
