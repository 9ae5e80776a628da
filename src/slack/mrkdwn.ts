// The one helper that makes user text safe inside mrkdwn: Slack reads <…> as mentions and links
// and & as the start of an entity, so these three are escaped and nothing else is.

export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Cuts text to a Block Kit limit, marking the cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function mentionUser(userId: string): string {
  return `<@${userId}>`;
}

export function link(url: string, label: string): string {
  return `<${url}|${escapeMrkdwn(label).replaceAll('|', '¦')}>`;
}
