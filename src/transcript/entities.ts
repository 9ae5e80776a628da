// The three HTML entities Slack escapes in mrkdwn, decoded in one pass (`&amp;lt;` → `&lt;`).

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>' };

export function unescapeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_match, name: string) => ENTITIES[name]!);
}
