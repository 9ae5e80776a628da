// Links to Slack messages (the bot's "view the thread" links are permalinks such as
// https://booking-desk.slack.com/archives/C0DESK/p1700000000000100?thread_ts=…) open the thread in
// the page, as they would in Slack, instead of a slack.com page that does not exist.

export interface MessageLink {
  channel: string;
  /** The thread's parent: thread_ts when the link is to a reply, else the message itself. */
  threadTs: string;
}

export function parsePermalink(href: string): MessageLink | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  const match = /^\/archives\/([A-Z0-9]+)\/p(\d{10})(\d{6})$/.exec(url.pathname);
  if (!url.hostname.endsWith('.slack.com') || !match) return undefined;
  const [, channel = '', seconds = '', micros = ''] = match;
  return { channel, threadTs: url.searchParams.get('thread_ts') ?? `${seconds}.${micros}` };
}

/** Calls `open` for clicks on message links anywhere in the page. */
export function interceptPermalinks(open: (link: MessageLink) => void): void {
  document.addEventListener('click', (event) => {
    const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
    const link = anchor ? parsePermalink(anchor.getAttribute('href') ?? '') : undefined;
    if (!link) return;
    event.preventDefault();
    open(link);
  });
}
