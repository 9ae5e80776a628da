// Reading the renderer's HTML in Node tests: its tags with their attributes, and its visible text.
// The renderer always double-quotes and escapes attribute values, so a tag never holds a raw ">".

export interface Tag {
  name: string;
  attrs: Record<string, string>;
}

export function decode(text: string): string {
  return text.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_entity, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? '',
  );
}

export function tags(html: string, name?: string): Tag[] {
  const found: Tag[] = [];
  for (const match of html.matchAll(/<([a-z][a-z0-9]*)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>/g)) {
    const attrs: Record<string, string> = {};
    for (const attr of (match[2] ?? '').matchAll(/([a-z-]+)(?:="([^"]*)")?/g)) {
      attrs[attr[1]!] = decode(attr[2] ?? '');
    }
    if (!name || match[1] === name) found.push({ name: match[1]!, attrs });
  }
  return found;
}

/** Tags carrying an attribute (optionally with a value). */
export function withAttr(html: string, attr: string, value?: string): Tag[] {
  return tags(html).filter((tag) => attr in tag.attrs && (value === undefined || tag.attrs[attr] === value));
}

const BLOCK_TAGS =
  /<\/?(?:div|p|li|ul|ol|blockquote|pre|hr|h2|label|option|optgroup|header|footer|figure|figcaption|br|button)\b[^>]*>/g;

/** The text a reader sees: tags dropped (block-level ones as line breaks), entities decoded. */
export function visibleText(html: string): string {
  return decode(html.replace(BLOCK_TAGS, '\n').replace(/<[^>]+>/g, ''))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}
